/** Who is acting: the staff member chosen under Preferences → “I am”. Ops that record a person ask for one here. */
import { DossierError } from '../../contract/errors';
import type { Person } from '../../contract/model';
import { currentPerson } from '../store/people';
import type { ReadContext } from './context';

export const me = (ctx: ReadContext): Person | null => currentPerson(ctx.db);

/** The person acting, or a clear error saying where to choose one; `toDo` completes "before you …". */
export function requireMe(ctx: ReadContext, toDo: string): Person {
  const p = currentPerson(ctx.db);
  if (!p) throw new DossierError('invalid_input', `Choose who you are before you ${toDo}: Preferences → “I am” (one of our staff).`, { field: 'identity' });
  return p;
}

/**
 * Refuses unless the person acting is `who`; `why` completes "… can …". When `who` was deleted from the dossier since,
 * `orphan` decides: 'anyone' may act in their place (what they asked for must not be stuck), or 'nobody' (what only
 * they could do — write their contribution, give their approval — needs someone else chosen instead).
 */
export function requireSamePerson(actor: Person, who: Person, why: string, orphan: 'anyone' | 'nobody' = 'anyone'): void {
  if (who.contactId === null) {
    if (orphan === 'anyone') return;
    throw new DossierError('conflict', `${who.name} is no longer among our staff in this dossier, so nobody can ${why} in their name.`, { field: 'identity' });
  }
  if (who.contactId !== actor.contactId) {
    throw new DossierError('conflict', `Only ${who.name} can ${why}; you act as ${actor.name} (Preferences → “I am”).`, { field: 'identity' });
  }
}

/** The op's clock as an ISO instant (tests pin it). */
export const nowOf = (ctx: ReadContext) => ctx.now().toISOString();
