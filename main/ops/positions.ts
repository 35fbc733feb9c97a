/** Post history: a contact's dated posts (changes are recorded by contact.update and participants.apply). */
import { getContact } from '../store/contacts';
import { listPositions } from '../store/positions';
import type { HandlerMap } from './context';

export const positionHandlers: HandlerMap<'contact.positions'> = {
  'contact.positions': ({ id }, { db }) => {
    getContact(db, id); // not_found for an unknown contact rather than an empty history
    return listPositions(db, id);
  },
};
