import { describe, expect, it } from 'vitest';
import { type ContactFields, mergeContact } from './contact-merge';
import { type Contact, ContactInput } from './model';

const stored: Contact = {
  id: 7,
  honorific: 'Mr.',
  givenName: 'Thoralf',
  familyName: 'Stenvold',
  displayName: 'Mr. Thoralf Stenvold',
  position: 'Senior Specialist',
  institutionId: 12, // ILO › MULTILATERALS
  institutionName: 'MULTILATERALS',
  phones: [{ label: 'work', value: '+41 22 799 61 11', e164: '+41227996111' }],
  emails: [{ label: 'work', value: 'Stenvold@ilo.org' }],
  website: '',
  languages: ['en', 'fr'],
  notes: 'Met at the 2017 GB.',
  internal: false,
  source: 'vCard from Outlook',
  informationDated: '2017',
  stale: true,
  updatedAt: '2026-01-01T00:00:00Z',
  addresses: [{ label: 'work', poBox: '', extended: '', street: 'Route des Morillons 4', locality: 'Genève', region: '', postalCode: '1211', country: 'Suisse' }],
  hasPhoto: true,
  photo: null,
  otherDetails: [{ name: 'Birthday', value: '1968-03-01', property: 'BDAY' }],
};
const incoming = (f: Partial<ContactFields> = {}): ContactFields => ContactInput.parse({ givenName: 'Thoralf', familyName: 'Stenvold', ...f });
// The stored tree: 12 (MULTILATERALS) is a unit of 1 (ILO); 30 (OECD) is elsewhere.
const within = (unit: number, institution: number) => unit === institution || (unit === 12 && institution === 1);

describe('the contact merge rule', () => {
  it('keeps every stored value that nothing came in for', () => {
    const m = mergeContact(stored, incoming(), within);
    expect(m).toMatchObject({ honorific: 'Mr.', position: 'Senior Specialist', institutionId: 12, source: 'vCard from Outlook', informationDated: '2017', notes: 'Met at the 2017 GB.' });
    expect(m.phones).toEqual(stored.phones);
    expect(m.emails).toEqual(stored.emails);
  });

  it('lets what came in win, and merges lists without doubles', () => {
    const m = mergeContact(
      stored,
      incoming({
        position: 'Head of Unit',
        phones: [{ label: 'office', value: '+41 22 7996111', e164: null }, { label: 'mobile', value: '+41 79 000 00 00', e164: null }],
        emails: [{ label: 'work', value: 'stenvold@ILO.org' }],
        languages: ['de', 'en'],
        notes: 'Now heads the unit.',
        informationDated: '2026-03',
        internal: false,
      }),
      within,
    );
    expect(m.position).toBe('Head of Unit');
    expect(m.phones.map((p) => p.value)).toEqual(['+41 22 7996111', '+41 79 000 00 00']); // the stored number, written differently, once
    // One address, however its domain was written (and stored with the domain in lower case, contract/links.ts).
    expect(m.emails).toEqual([{ label: 'work', value: 'stenvold@ilo.org' }]);
    expect(m.languages).toEqual(['de', 'en', 'fr']);
    expect(m.notes).toBe('Met at the 2017 GB.\n\nNow heads the unit.');
    expect(m.informationDated).toBe('2026-03');
    // The same notes again are not appended twice; an older date never replaces a newer one.
    const again = mergeContact({ ...stored, notes: m.notes, informationDated: '2026-03' }, incoming({ notes: 'Now heads the unit.', informationDated: '2021' }), within);
    expect(again.notes).toBe(m.notes);
    expect(again.informationDated).toBe('2026-03');
  });

  it('keeps the stored unit when the institution that came in holds it, else takes the one that came in', () => {
    expect(mergeContact(stored, incoming({ institutionId: 1 }), within).institutionId).toBe(12); // ILO holds MULTILATERALS
    expect(mergeContact(stored, incoming({ institutionId: null }), within).institutionId).toBe(12);
    expect(mergeContact(stored, incoming({ institutionId: 30 }), within).institutionId).toBe(30); // moved to the OECD
    expect(mergeContact({ ...stored, institutionId: null }, incoming({ institutionId: 1 }), within).institutionId).toBe(1);
  });

  it('never clears "internal" once set', () => {
    expect(mergeContact({ ...stored, internal: true }, incoming({ internal: false }), within).internal).toBe(true);
  });
});

describe('the contact merge rule and what address books add (issue 17)', () => {
  it('keeps stored addresses and other details, adds new ones, and leaves the photo alone when none came in', () => {
    const m = mergeContact(
      stored,
      incoming({
        addresses: [{ label: 'home', poBox: '', extended: '', street: 'Rue de Lausanne 1', locality: 'Genève', region: '', postalCode: '', country: '' }],
        otherDetails: [
          { name: 'Birthday', value: '1968-03-01', property: 'BDAY' },
          { name: 'Skype', value: 'skype:t.stenvold', property: 'IMPP' },
        ],
      }),
      within,
    );
    expect(m.addresses.map((a) => a.street)).toEqual(['Rue de Lausanne 1', 'Route des Morillons 4']);
    expect(m.otherDetails.map((d) => d.name)).toEqual(['Birthday', 'Skype']);
    expect(m.photo).toBeUndefined();
  });
});
