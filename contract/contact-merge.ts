/**
 * The contact merge rule, one definition for every "update the stored contact": a duplicate in a vCard, CSV or
 * text import (contact.importCommit), a pack's who's who (pack.import) and a reviewed paste (contact.saveProposal).
 */
import type { z } from 'zod';
import type { Contact, ContactInput } from './model/contact';

/** A contact's own fields, as saved (ContactInput with its defaults applied). */
export type ContactFields = z.output<typeof ContactInput>;

const digits = (s: string) => s.replace(/\D/g, '');
const or = (incoming: string, stored: string) => incoming || stored;

/**
 * Merges what came in into the stored contact, losing nothing:
 * - a field that came in wins; an empty one keeps the stored value (nothing is ever blanked);
 * - phones (same digits), e-mails (same address, any case) and languages are merged, the incoming first, at most 20;
 * - notes are appended unless the stored notes already hold them; "internal" stays set once set;
 * - the later of the two "information dated" is kept;
 * - addresses (same street, locality and postcode) and other details (same name and value) are merged, the incoming
 *   first; a photo that came in replaces the stored one, none keeps it (issue 17);
 * - the institution: the stored one stays when nothing came in, or when it is a unit within the one that came in
 *   (ILO › MULTILATERALS is more precise than ILO); otherwise the incoming one wins. `within(unit, institution)`
 *   answers from the stored tree.
 */
export function mergeContact(stored: Contact, incoming: ContactFields, within: (unitId: number, institutionId: number) => boolean): ContactFields {
  const keepUnit = stored.institutionId !== null && (incoming.institutionId === null || within(stored.institutionId, incoming.institutionId));
  return {
    honorific: or(incoming.honorific, stored.honorific),
    givenName: or(incoming.givenName, stored.givenName),
    familyName: or(incoming.familyName, stored.familyName),
    position: or(incoming.position, stored.position),
    institutionId: keepUnit ? stored.institutionId : incoming.institutionId,
    phones: [...incoming.phones, ...stored.phones.filter((p) => !incoming.phones.some((x) => digits(x.value) === digits(p.value)))].slice(0, 20),
    emails: [...incoming.emails, ...stored.emails.filter((e) => !incoming.emails.some((x) => x.value.toLowerCase() === e.value.toLowerCase()))].slice(0, 20),
    website: or(incoming.website, stored.website),
    languages: [...new Set([...incoming.languages, ...stored.languages])].slice(0, 20),
    notes: !incoming.notes || stored.notes.includes(incoming.notes) ? stored.notes : stored.notes ? `${stored.notes}\n\n${incoming.notes}` : incoming.notes,
    internal: stored.internal || incoming.internal,
    source: or(incoming.source, stored.source),
    informationDated: [incoming.informationDated, stored.informationDated].filter((d): d is string => d !== null).sort().pop() ?? null,
    addresses: [
      ...incoming.addresses,
      ...stored.addresses.filter((a) => !incoming.addresses.some((x) => x.street === a.street && x.locality === a.locality && x.postalCode === a.postalCode)),
    ].slice(0, 20),
    photo: incoming.photo ?? undefined,
    otherDetails: [...incoming.otherDetails, ...stored.otherDetails.filter((d) => !incoming.otherDetails.some((x) => x.name === d.name && x.value === d.value))].slice(0, 500),
  };
}
