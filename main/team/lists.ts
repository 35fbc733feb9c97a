/**
 * Merging structured sections edited on two replicas from a common state: key messages and Q&A pairs as lists
 * (what one side added or removed is added or removed in the other's list; an item is never doubled or lost),
 * agenda briefs per agenda item. Pure functions of (base, current, incoming); the same inputs give the same result.
 */

/** Three-way merge of lists whose items are identified by `key`: `cur` with the changes `inc` made to `base`. */
export function mergeList<T>(base: readonly T[], cur: readonly T[], inc: readonly T[], key: (t: T) => string): T[] {
  const inBase = new Set(base.map(key));
  const inInc = new Set(inc.map(key));
  // What the incoming side removed goes from the current list.
  const out = cur.filter((x) => !(inBase.has(key(x)) && !inInc.has(key(x))));
  const present = new Set(out.map(key));
  // What it added goes in after the item it follows there (or first), once.
  inc.forEach((item, i) => {
    const k = key(item);
    if (inBase.has(k) || present.has(k)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const idx = out.findIndex((x) => key(x) === key(inc[j]!));
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    out.splice(at, 0, item);
    present.add(k);
  });
  return out;
}

type KeyMessages = { items?: string[]; handling?: (string | null)[] };
type Qa = { pairs?: unknown[] };
type Briefs = { briefs?: { agendaItemId: unknown; text?: string; title?: string }[] };

const parse = <T>(s: unknown): T | null => {
  if (typeof s !== 'string') return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
};

/** Key messages: each message with its handling mark, merged as a list. */
function mergeKeyMessages(b: KeyMessages, c: KeyMessages, i: KeyMessages): KeyMessages {
  const zip = (m: KeyMessages) => (m.items ?? []).map((t, n) => ({ t, h: m.handling?.[n] ?? null }));
  const merged = mergeList(zip(b), zip(c), zip(i), (x) => JSON.stringify(x));
  const out: KeyMessages = { items: merged.map((x) => x.t) };
  if (c.handling || i.handling) out.handling = merged.map((x) => x.h);
  return out;
}

/**
 * Agenda briefs per agenda item: a brief changed on one side only takes that change; changed differently on both,
 * the later side's text stays and `clash` says the other must be kept as a conflict version.
 */
function mergeBriefs(b: Briefs, c: Briefs, i: Briefs, incomingIsLater: boolean): { value: Briefs; clash: boolean } {
  const k = (x: { agendaItemId: unknown }) => String(x.agendaItemId);
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const base = new Map((b.briefs ?? []).map((x) => [k(x), x]));
  const inc = new Map((i.briefs ?? []).map((x) => [k(x), x]));
  let clash = false;
  const out: NonNullable<Briefs['briefs']> = [];
  const seen = new Set<string>();
  for (const cur of c.briefs ?? []) {
    const id = k(cur);
    seen.add(id);
    const was = base.get(id);
    const now = inc.get(id);
    if (!now) {
      // Removed by the incoming side: removed, unless the current side changed it since.
      if (was && !same(was, cur)) {
        out.push(cur);
        clash = true;
      } else if (!was) out.push(cur);
      continue;
    }
    if (was && same(was, cur)) out.push(now);
    else if (was && same(was, now)) out.push(cur);
    else if (same(cur, now)) out.push(cur);
    else {
      clash = true;
      out.push(incomingIsLater ? now : cur);
    }
  }
  for (const now of i.briefs ?? []) {
    const id = k(now);
    if (seen.has(id)) continue;
    const was = base.get(id);
    // Removed on the current side but changed on the incoming one: the change is kept.
    if (was && same(was, now)) continue;
    if (was) clash = true;
    out.push(now);
  }
  return { value: { ...c, briefs: out }, clash };
}

/**
 * Merges a structured section's content (JSON text) edited apart. Returns null when the kind has no list merge
 * or a text does not parse (the caller then keeps the later text and the other as a conflict version).
 */
export function mergeStructured(kind: string, base: unknown, cur: unknown, inc: unknown, incomingIsLater: boolean): { content: string; clash: boolean } | null {
  const [b, c, i] = [parse<Record<string, unknown>>(base), parse<Record<string, unknown>>(cur), parse<Record<string, unknown>>(inc)];
  if (!b || !c || !i) return null;
  if (kind === 'key_messages') return { content: JSON.stringify(mergeKeyMessages(b as KeyMessages, c as KeyMessages, i as KeyMessages)), clash: false };
  if (kind === 'qa') {
    const pairs = mergeList((b as Qa).pairs ?? [], (c as Qa).pairs ?? [], (i as Qa).pairs ?? [], (x) => JSON.stringify(x));
    return { content: JSON.stringify({ ...c, pairs }), clash: false };
  }
  if (kind === 'agenda_briefs') {
    const r = mergeBriefs(b as Briefs, c as Briefs, i as Briefs, incomingIsLater);
    return { content: JSON.stringify(r.value), clash: r.clash };
  }
  return null;
}
