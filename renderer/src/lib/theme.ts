/**
 * Light or dark: follows the system setting (prefers-color-scheme) unless the user picked one; the choice is
 * remembered. The resolved theme is `<html data-theme="light|dark">`, which app.css maps to its colour variables.
 */
import { writable } from 'svelte/store';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'dossier-theme';
const media = window.matchMedia('(prefers-color-scheme: dark)');
const stored = localStorage.getItem(STORAGE_KEY);

/** The user's choice (a store, for `$theme` in components). */
export const theme = writable<Theme>((THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system');

function apply(choice: Theme): void {
  const dark = choice === 'dark' || (choice === 'system' && media.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

let current: Theme = 'system';
theme.subscribe((t) => {
  current = t;
  apply(t);
});
media.addEventListener('change', () => apply(current));

/** Switches the theme now and remembers it. */
export function setTheme(t: Theme): void {
  localStorage.setItem(STORAGE_KEY, t);
  theme.set(t);
}
