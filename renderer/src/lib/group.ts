/**
 * Items grouped under keys, in the order first seen; an item under several keys (a meeting on each of its days)
 * appears in each group. Read-only: a grouping is derived data, rebuilt rather than changed.
 */
export function groupBy<T, K, V = T>(items: Iterable<T>, keysOf: (item: T) => Iterable<K>, valueOf: (item: T) => V = (item) => item as unknown as V): ReadonlyMap<K, readonly V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(valueOf(item));
      else groups.set(key, [valueOf(item)]);
    }
  }
  return groups;
}
