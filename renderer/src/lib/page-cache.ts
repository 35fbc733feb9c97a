/**
 * The pages of a long list, fetched on demand through `load(offset, limit)` (e.g. contact.list) and kept up to
 * `keep` pages, the furthest from the latest dropped, so memory stays flat however far one scrolls. Deliberately not
 * reactive: the list re-reads once per arriving page (its `onArrive`), not once per row.
 */
export type PageLoader<T> = (offset: number, limit: number) => Promise<{ total: number; items: T[] }>;

export class PageCache<T> {
  #pages = new Map<number, T[]>();
  #pending = new Set<number>();
  #generation = 0;

  constructor(
    readonly pageSize: number,
    readonly keep: number,
  ) {}

  /** The row at `index`, or null while its page is not here. */
  item(index: number): T | null {
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize] ?? null;
  }

  get size(): number {
    return this.#pages.size;
  }

  /** A new data source: forget every page; answers to requests made before are ignored. */
  reset(): void {
    this.#generation++;
    this.#pages = new Map();
    this.#pending = new Set();
  }

  /** Asks for page `p` unless it is here or on its way; `onArrive(total)` once it landed. A failed request may be asked again. */
  fetch(p: number, load: PageLoader<T>, onArrive: (total: number) => void): void {
    if (this.#pages.has(p) || this.#pending.has(p)) return;
    const gen = this.#generation;
    this.#pending.add(p);
    load(p * this.pageSize, this.pageSize).then(
      (res) => {
        if (gen !== this.#generation) return;
        this.#pending.delete(p);
        this.#pages.set(p, res.items);
        this.#evict(p);
        onArrive(res.total);
      },
      () => {
        if (gen === this.#generation) this.#pending.delete(p);
      },
    );
  }

  #evict(near: number): void {
    if (this.#pages.size <= this.keep) return;
    const far = [...this.#pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const p of far.slice(0, this.#pages.size - this.keep)) this.#pages.delete(p);
  }
}
