/**
 * ContactInput.parse for the common case, without zod's per-field work (issue 18): an import of 100,000 contacts
 * checks each one, and the schema's parse was a fifth of the import. A contact whose every field already has the
 * form the schema gives it (texts trimmed, within their length, without control characters; lists within their
 * bounds; e-mail addresses valid) comes back exactly as ContactInput.parse would return it. Anything else gives
 * null, and the caller asks the schema, for its result or its error, so errors are always the schema's own.
 * contact-fast.test.ts holds the two to the same results over real address books' files and hostile values; a field
 * added to ContactInput and not here makes that test fail.
 */
import { normaliseLanguages } from '../language';
import { normaliseEmail } from '../links';
import { hasControl } from '../text';
import { PARTIAL_DATE_RE } from './common';
import { PHOTO_MAX_BASE64, PHOTO_TYPES } from './contact-details';
import type { ContactInput } from './contact';
import type { z } from 'zod';

type Out = z.output<typeof ContactInput>;

/** Is `v` a text(max) value that the schema returns unchanged? */
const plain = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && v === v.trim() && !hasControl(v);
// What longText's multiLine would change: control characters other than tab and line feed (CR and U+0085 among them), U+2028/9.
const NOT_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const list = (v: unknown, max: number): v is Record<string, unknown>[] => Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'object' && x !== null);

/** The parsed contact, or null when the schema must decide (a value it would change or refuse). */
export function contactInputFast(p: Record<string, unknown>): Out | null {
  const { honorific, givenName, familyName, position, website, notes, internal, source, informationDated, photo } = p;
  if (!plain(honorific, 60) || !plain(givenName, 200) || !plain(familyName, 200) || !plain(position, 300)) return null;
  if (givenName === '' && familyName === '') return null;
  if (!plain(website, 500) || !plain(source, 500) || typeof internal !== 'boolean') return null;
  if (typeof notes !== 'string' || notes.length > 200_000 || NOT_MULTILINE.test(notes)) return null;
  if (p.institutionId !== null || (informationDated !== null && (typeof informationDated !== 'string' || !PARTIAL_DATE_RE.test(informationDated)))) return null;

  const { phones, emails, languages, addresses, otherDetails } = p;
  if (!list(phones, 20) || !list(emails, 20) || !Array.isArray(languages) || languages.length > 20 || !list(addresses, 20) || !list(otherDetails, 500)) return null;
  const outPhones: Out['phones'] = [];
  for (const { label, value, e164 } of phones) {
    if (!plain(label, 60) || !plain(value, 300) || value === '' || (e164 !== null && typeof e164 !== 'string')) return null;
    outPhones.push({ label, value, e164 });
  }
  const outEmails: Out['emails'] = [];
  for (const { label, value } of emails) {
    if (!plain(label, 60) || typeof value !== 'string') return null;
    const v = value.trim();
    const e = v.length >= 1 && v.length <= 300 ? normaliseEmail(v) : null;
    if (e === null) return null;
    outEmails.push({ label, value: e });
  }
  for (const l of languages) if (!plain(l, 60) || l === '') return null;
  const outAddresses: Out['addresses'] = [];
  for (const { label, poBox, extended, street, locality, region, postalCode, country } of addresses) {
    if (!plain(label, 60) || !plain(poBox, 100) || !plain(extended, 300) || !plain(street, 500) || !plain(locality, 200)) return null;
    if (!plain(region, 200) || !plain(postalCode, 40) || !plain(country, 200)) return null;
    outAddresses.push({ label, poBox, extended, street, locality, region, postalCode, country });
  }
  const outDetails: Out['otherDetails'] = [];
  for (const { name, value, property } of otherDetails) {
    if (!plain(name, 200) || name === '' || typeof value !== 'string' || value.length > 20_000 || !plain(property, 500)) return null;
    outDetails.push({ name, value, property });
  }
  let outPhoto: Out['photo'];
  if (photo === null) outPhoto = null;
  else if (photo !== undefined) {
    if (typeof photo !== 'object') return null;
    const { mediaType, dataBase64 } = photo as Record<string, unknown>;
    if (!(PHOTO_TYPES as readonly unknown[]).includes(mediaType) || typeof dataBase64 !== 'string' || dataBase64.length > PHOTO_MAX_BASE64 || !BASE64.test(dataBase64)) return null;
    outPhoto = { mediaType: mediaType as (typeof PHOTO_TYPES)[number], dataBase64 };
  }
  return {
    honorific,
    givenName,
    familyName,
    position,
    institutionId: null,
    phones: outPhones,
    emails: outEmails,
    website,
    languages: normaliseLanguages(languages as string[]),
    notes,
    internal,
    source,
    informationDated: informationDated as string | null,
    addresses: outAddresses,
    ...(photo === undefined ? {} : { photo: outPhoto }),
    otherDetails: outDetails,
  };
}
