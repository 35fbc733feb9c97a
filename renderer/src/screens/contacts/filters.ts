/** The contact list's filter and sort, as the user set them, and how they map onto `contact.list`. */
import type { In } from '../../../../contract/ops';

export const SORTS = ['name', 'institution', 'dated', 'updated'] as const;
/** Languages offered in the filter: the UN's and the EU's working languages and the demo's; codes as stored. */
export const LANGUAGE_CODES = ['ar', 'de', 'el', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'ru', 'sv', 'tr', 'zh'] as const;

export interface ContactFilter {
  query: string;
  sort: (typeof SORTS)[number];
  /** An institution; its units are included. */
  institutionId: number | null;
  staleOnly: boolean;
  who: 'all' | 'internal' | 'external';
  language: string;
}

export const defaultFilter = (): ContactFilter => ({ query: '', sort: 'name', institutionId: null, staleOnly: false, who: 'all', language: '' });

/** True when anything narrows the list (the sort does not). */
export const isFiltered = (f: ContactFilter) => Boolean(f.query || f.staleOnly || f.who !== 'all' || f.institutionId !== null || f.language);

export function listInput(f: ContactFilter): In<'contact.list'> {
  return {
    query: f.query,
    sort: f.sort,
    institutionId: f.institutionId,
    stale: f.staleOnly ? true : null,
    internal: f.who === 'all' ? null : f.who === 'internal',
    language: f.language,
  };
}
