/**
 * Matching the institution names an imported or pasted contact carries ("ILO", "Multilateral Cooperation
 * Department") against the stored tree: by name or acronym, case and diacritics ignored, preferring the deepest
 * unit that fits; else by the e-mail or web domain. Names with no match are proposed as new units under the match.
 */
import type { ContactProposal, Institution, InstitutionMatch } from '../../contract/model';
import { isAcronym, unitLevel } from '../formats/text-labels';
import type { ReadDb } from '../store/db';
import { listInstitutions } from '../store/institutions';
import { fold } from '../store/search';

/** A name folded for comparison: case, diacritics, punctuation and a leading article ignored. */
export const nameKey = (name: string): string =>
  fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|die|der|das|de|het|la|le|les|l) /, '');

/** The keys a written name may match: itself, without a trailing "(ACRONYM)", and the acronym alone. */
function keysOf(name: string): string[] {
  const paren = name.match(/^(.*?)\s*\(([^)]+)\)\s*$/);
  const keys = paren ? [name, paren[1]!, paren[2]!] : [name];
  return [...new Set(keys.map(nameKey).filter(Boolean))];
}

const hostOf = (url: string) =>
  url
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/:?#]/)[0]!;

/** A matcher over the institutions stored when it was made; build one per operation. */
export interface InstitutionMatcher {
  match(p: Pick<ContactProposal, 'institutionNames' | 'emails' | 'website'>): InstitutionMatch;
  /** Display path of a stored institution. */
  path(id: number): string[];
  /** Full names from the root down, as files carry them ('International Labour Organization', 'Multilateral Cooperation Department'). */
  names(id: number): string[];
  /** Whether stored institution `id` is `ancestor` or one of its units. */
  within(id: number, ancestor: number): boolean;
  /** A stored unit directly under `parentId` (null: top level) with this name, so saving twice creates it once. */
  child(parentId: number | null, name: string): number | null;
  /** The seat of an institution, or of the nearest institution above it that has one ("Geneva"); null if none does. */
  seat(id: number): string | null;
}

export const institutionMatcher = (db: ReadDb): InstitutionMatcher => matcherOf(listInstitutions(db));

/** A matcher over these institutions (listInstitutions' rows): an import's reader thread gets them as data. */
export function matcherOf(list: readonly Institution[]): InstitutionMatcher {
  const byId = new Map(list.map((i) => [i.id, i]));
  const byKey = new Map<string, Institution[]>();
  const put = (k: string, i: Institution) => k && byKey.set(k, [...(byKey.get(k) ?? []), i]);
  for (const i of list) {
    put(nameKey(i.name), i);
    if (i.acronym) put(nameKey(i.acronym), i);
  }
  const withHost = list.filter((i) => i.website).map((i) => ({ i, host: hostOf(i.website) }));
  const isUnder = (child: Institution, anc: Institution) => {
    for (let c: Institution | undefined = child; c; c = c.parentId ? byId.get(c.parentId) : undefined) if (c.id === anc.id) return true;
    return false;
  };
  const names = (id: number): string[] => {
    const out: string[] = [];
    for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) out.unshift(c.name);
    return out;
  };

  // An import names the same few institutions thousands of times: fold each name once.
  const found = new Map<string, Institution[]>();
  const lookup = (name: string) => {
    let hit = found.get(name);
    if (!hit) found.set(name, (hit = [...new Set(keysOf(name).flatMap((k) => byKey.get(k) ?? []))]));
    return hit;
  };

  function match(p: Pick<ContactProposal, 'institutionNames' | 'emails' | 'website'>): InstitutionMatch {
    const written = p.institutionNames;
    const hits = written.flatMap((n, index) => lookup(n).map((inst) => ({ index, inst })));
    if (hits.length) {
      // The hit that the most other hits sit above (ILO + MULTILATERALS → MULTILATERALS), then the deepest.
      const support = (h: (typeof hits)[number]) => hits.filter((o) => isUnder(h.inst, o.inst)).length;
      const best = [...hits].sort((a, b) => support(b) - support(a) || b.inst.path.length - a.inst.path.length || b.index - a.index)[0]!;
      const matched = new Set(hits.map((h) => h.index));
      return { institutionId: best.inst.id, path: best.inst.path, create: written.slice(best.index + 1).filter((_, k) => !matched.has(best.index + 1 + k)) };
    }
    const domains = [...p.emails.map((e) => e.value.split('@')[1]?.toLowerCase() ?? ''), hostOf(p.website)].filter(Boolean);
    const byDomain = withHost.find(({ host }) => domains.some((d) => d === host || d.endsWith(`.${host}`)));
    if (byDomain) {
      // A whole organisation named in another language ("Organisation internationale du Travail" at ilo.org) is the match itself.
      return { institutionId: byDomain.i.id, path: byDomain.i.path, create: written.filter((n) => unitLevel(n) !== 0 && !isAcronym(n)) };
    }
    return { institutionId: null, path: [], create: [...written] };
  }

  const within = (id: number, ancestor: number) => {
    const [c, a] = [byId.get(id), byId.get(ancestor)];
    return c !== undefined && a !== undefined && isUnder(c, a);
  };
  const child = (parentId: number | null, name: string) => list.find((i) => i.parentId === parentId && nameKey(i.name) === nameKey(name))?.id ?? null;
  const seat = (id: number) => {
    for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) if (c.seat) return c.seat;
    return null;
  };
  return { match, path: (id) => byId.get(id)?.path ?? [], names, within, child, seat };
}
