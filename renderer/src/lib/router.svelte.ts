/**
 * Hash routes: #/meetings, #/meetings/12, #/contacts/new, #/search?q=... Plain links work, history works,
 * and a route can be bookmarked or reloaded.
 */
export type Section = 'meetings' | 'institutions' | 'contacts' | 'briefings' | 'search' | 'work' | 'welcome';

export interface Route {
  section: Section;
  /** a numeric id, 'new', or null for the list alone */
  id: number | 'new' | null;
  /** further path parts, e.g. ['edit'] */
  rest: string[];
  params: URLSearchParams;
}

const SECTIONS: Section[] = ['meetings', 'institutions', 'contacts', 'briefings', 'search', 'work', 'welcome'];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first, second, ...rest] = path.split('/').filter(Boolean);
  const section = (SECTIONS as string[]).includes(first ?? '') ? (first as Section) : 'meetings';
  const id = second === 'new' ? 'new' : second && /^\d+$/.test(second) ? Number(second) : null;
  return { section, id, rest, params: new URLSearchParams(query) };
}

export const router = $state({ route: parseRoute(location.hash) });

window.addEventListener('hashchange', () => {
  router.route = parseRoute(location.hash);
});

export function go(path: string): void {
  const hash = path.startsWith('#') ? path : `#/${path.replace(/^\//, '')}`;
  if (location.hash === hash) router.route = parseRoute(hash);
  else location.hash = hash;
}

export const href = (path: string) => `#/${path.replace(/^\//, '')}`;
