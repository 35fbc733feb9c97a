/**
 * Who the user acts as. Solo, the people of commissions, clearance and comments are our own staff (contacts flagged
 * internal) and the user picks which of them they are (Preferences → "I am"); the choice is kept in the dossier's
 * per-member settings. Every record of who did something keeps the name and post as they were, so a later change
 * of post or a deleted contact never rewrites history.
 */
import { z } from 'zod';
import { Id } from './common';

/** A person as recorded on a commission, clearance step, decision or comment. */
export const Person = z.object({
  /** The staff contact, or null when the contact was deleted since (name and post stay). */
  contactId: Id.nullable(),
  /** "Ms. Ayşe Özdemir" */
  name: z.string(),
  /** The post at the time: "Head of Division, Bilateral and Multilateral Relations". */
  post: z.string(),
});
export type Person = z.infer<typeof Person>;

export const Identity = z.object({
  /** The staff contact the user acts as, or null when none is chosen yet. */
  me: Person.nullable(),
  /** Our own staff (internal contacts), by name: the people one can act as, commission or put on a clearance chain. */
  staff: z.array(Person.extend({ contactId: Id, email: z.string().nullable() })),
});
export type Identity = z.infer<typeof Identity>;
