/**
 * The UI's languages (svelte-i18n). English is in the first script (it is also every message's fallback); the other
 * catalogs are loaded when chosen (each is 60 KB a start in another language never reads), and main.ts waits for
 * the remembered one before the first render (`ready`), so there is no loading state: `$_('meetings.title')` works
 * from the first render. The chosen locale is remembered in
 * localStorage, mirrored to `<html lang>` (which lib/format.ts reads for Intl dates and numbers, and screen
 * readers use for pronunciation), and can be changed at run time with `setLanguage`.
 *
 * Enum values of the contract (institution kinds, meeting statuses, ...) have keys `enum.<name>.<value>`,
 * e.g. `$_(`enum.meetingStatus.${m.status}`)`; the test in locales/ checks every value has a label.
 */
import { addMessages, init, locale, _, getLocaleFromNavigator } from 'svelte-i18n';
import { get } from 'svelte/store';
import en from '../locales/en.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'fr', name: 'Français' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'dossier-language';
const isLanguage = (s: string | null | undefined): s is Language => LANGUAGES.some((l) => l.code === s);

addMessages('en', en);
const CATALOGS: Record<Exclude<Language, 'en'>, () => Promise<{ default: typeof en }>> = {
  de: () => import('../locales/de.json'),
  nl: () => import('../locales/nl.json'),
  fr: () => import('../locales/fr.json'),
};
const loaded = new Set<Language>(['en']);

async function loadCatalog(code: Language): Promise<void> {
  if (loaded.has(code)) return;
  addMessages(code, (await CATALOGS[code as Exclude<Language, 'en'>]()).default);
  loaded.add(code);
}

/** The remembered choice, else the system's language when we have it, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const nav = getLocaleFromNavigator()?.slice(0, 2).toLowerCase();
  return isLanguage(nav) ? nav : 'en';
}

init({ fallbackLocale: 'en', initialLocale: 'en' });

/** Settled once the remembered language's catalog is in and chosen: main.ts renders after it. */
export const ready: Promise<void> = (async () => {
  const code = initialLanguage();
  try {
    await loadCatalog(code);
    locale.set(code);
  } catch {
    locale.set('en'); // a catalog that cannot be loaded leaves the app in English rather than not at all
  }
})();

locale.subscribe((l) => {
  if (l) document.documentElement.lang = l;
});

/** Switches the UI language now and remembers it for the next start. */
export async function setLanguage(code: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, code);
  await loadCatalog(code);
  locale.set(code);
}

/** The current language code (a store, for `$language` in components). */
export const language = { subscribe: (fn: (v: Language) => void) => locale.subscribe((l) => fn(isLanguage(l) ? l : 'en')) };

/** Translates outside components (plain .ts modules): `t('common.save')`. */
export const t = (id: string, values?: Record<string, string | number | Date | null | undefined>) => get(_)(id, values ? { values } : undefined);

export { _, locale };
