/**
 * Who the user acts as (Preferences → “I am”) and our staff, read once and again after every write, so the
 * preferences, “My work” and the briefing editor agree on who “I” am.
 */
import type { Identity } from '../../../contract/model';
import { call, onWrite } from './client';

export const identity = $state<{ value: Identity; loaded: boolean }>({ value: { me: null, staff: [] }, loaded: false });

export async function loadIdentity(): Promise<void> {
  try {
    identity.value = await call('identity.get', {});
    identity.loaded = true;
  } catch {
    // The sidebar keeps its last state; screens that need it show their own error.
  }
}

export async function actAs(contactId: number | null): Promise<void> {
  identity.value = await call('identity.set', { contactId });
}

onWrite(() => void loadIdentity());
// "I am" can change outside this window (the CLI, another window on the same dossier): read it again on every move.
window.addEventListener('hashchange', () => void loadIdentity());
window.addEventListener('focus', () => void loadIdentity());
void loadIdentity();
