/**
 * The app's actions in one list: the command palette (Ctrl/Cmd+K) runs them, the help overlay (`?`) lists
 * their shortcuts, and `handleShortcut` binds the keys. A command is included only where its screen exists,
 * so the palette never offers something the app cannot do.
 */
import { go, router, type Section } from './router.svelte';
import { LANGUAGES, setLanguage } from './i18n';
import { setTheme, THEMES } from './theme';
import { exportPackHere, packTargetOf } from '../screens/pack/pack.svelte';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** "Ctrl+K" on Windows/Linux, "⌘K" on macOS. */
export const mod = (key: string) => (isMac ? `⌘${key}` : `Ctrl+${key}`);

/** Open/closed state of the two keyboard overlays. */
export const overlays = $state({ palette: false, help: false });

export interface Command {
  id: string;
  /** i18n key of the label; `keyValues` (i18n keys) and `values` (plain text) fill its placeholders */
  label: string;
  keyValues?: Record<string, string>;
  values?: Record<string, string>;
  /** shown next to the label and in the help overlay */
  shortcut?: string;
  group: 'create' | 'go' | 'app';
  run: () => void;
}

const SECTIONS: Section[] = ['meetings', 'institutions', 'contacts', 'briefings', 'search', 'work'];
/** The list a plain `N` adds to: the current section if it has a "new" form. */
const NEW_ROUTES: Partial<Record<Section, string>> = { meetings: 'meetings/new', institutions: 'institutions/new', contacts: 'contacts/new' };

export function commands(): Command[] {
  return [
    { id: 'new-meeting', label: 'commands.newMeeting', group: 'create', run: () => go('meetings/new') },
    { id: 'new-contact', label: 'commands.newContact', group: 'create', run: () => go('contacts/new') },
    { id: 'new-institution', label: 'commands.newInstitution', group: 'create', run: () => go('institutions/new') },
    { id: 'import-contacts', label: 'commands.importContacts', group: 'create', run: () => go('contacts/new/import') },
    { id: 'paste-contact', label: 'commands.pasteContact', group: 'create', run: () => go('contacts/new/paste') },
    // Only where a meeting or briefing is open: its pack.
    ...(packTargetOf(router.route) ? [{ id: 'export-pack', label: 'commands.exportPack', shortcut: mod('E'), group: 'create' as const, run: () => exportPackHere(router.route) }] : []),
    ...SECTIONS.map((s, i) => ({ id: `go-${s}`, label: 'commands.goTo', keyValues: { section: `nav.${s}` }, shortcut: mod(String(i + 1)), group: 'go' as const, run: () => go(s) })),
    { id: 'help', label: 'commands.shortcuts', shortcut: '?', group: 'app', run: () => (overlays.help = true) },
    ...LANGUAGES.map((l) => ({ id: `lang-${l.code}`, label: 'commands.language', values: { language: l.name }, group: 'app' as const, run: () => setLanguage(l.code) })),
    ...THEMES.map((t) => ({ id: `theme-${t}`, label: 'commands.theme', keyValues: { theme: `settings.themes.${t}` }, group: 'app' as const, run: () => setTheme(t) })),
  ];
}

/** Every shortcut, for the help overlay: [keys, i18n key of what it does]. */
export function shortcutList(): [string, string][] {
  return [
    [mod('K'), 'shortcuts.palette'],
    ['?', 'shortcuts.help'],
    [`${mod('F')} · /`, 'shortcuts.search'],
    [`${mod('1')} … ${mod('6')}`, 'shortcuts.sections'],
    [mod('E'), 'shortcuts.exportPack'],
    ['N', 'shortcuts.new'],
    ['↑ ↓ · Enter', 'shortcuts.lists'],
    ['Esc', 'shortcuts.close'],
  ];
}

/** True when typing goes into a field, so single-key shortcuts must not fire. */
export function inTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
}

/** Handles the app-wide shortcuts of this module; returns true when the key was used. */
export function handleShortcut(e: KeyboardEvent, focusSearch: () => void): boolean {
  const modKey = isMac ? e.metaKey : e.ctrlKey;
  if (modKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
    overlays.help = false;
    overlays.palette = !overlays.palette;
  } else if (modKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'e' && !overlays.palette && !overlays.help) {
    exportPackHere(router.route);
  } else if (overlays.palette || overlays.help || e.ctrlKey || e.metaKey || e.altKey || inTextField(e.target)) {
    return false;
  } else if (e.key === '?') {
    overlays.help = true;
  } else if (e.key === '/') {
    focusSearch();
  } else if ((e.key === 'n' || e.key === 'N') && !e.shiftKey && NEW_ROUTES[router.route.section]) {
    go(NEW_ROUTES[router.route.section]!);
  } else {
    return false;
  }
  e.preventDefault();
  return true;
}
