/** Preferences → “I am”: which of our staff the user acts as (issue 20). */
import { z } from 'zod';
import { op } from './op';
import { Id } from '../model/common';
import { Identity } from '../model/identity';

export const identityOps = {
  'identity.get': op({ input: z.object({}), output: Identity, kind: 'read', doc: 'Who the user acts as (Preferences → “I am”), and the staff one can choose from.' }),
  'identity.set': op({
    input: z.object({ contactId: Id.nullable() }),
    output: Identity,
    kind: 'write',
    doc: 'Act as this staff contact (an internal contact) from now on; null: nobody chosen. Kept per member, not shared.',
  }),
} as const;
