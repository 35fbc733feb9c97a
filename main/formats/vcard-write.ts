/**
 * vCard export with ical.js: 4.0 by default (tel: URIs with the E.164 form), 3.0 for older address books.
 * What vCard has no property for travels in X-DOSSIER-* properties and parameters, so re-importing an export
 * gives the same contacts field for field (the number as written, custom labels, partial dates, internal flag).
 */
import ICAL from 'ical.js';
import { multiLine, singleLine } from '../../contract/text';
import type { ContactData } from './contact-data';
import { X } from './vcard';

export type VCardVersion = '3.0' | '4.0';
type JProp = [string, Record<string, string | string[]>, string, ...unknown[]];

const PHONE_TYPES: Record<string, string[]> = { work: ['work', 'voice'], home: ['home', 'voice'], mobile: ['cell', 'voice'], fax: ['work', 'fax'], pager: ['pager'] };
const EMAIL_TYPES: Record<string, string[]> = { work: ['work'], home: ['home'] };

/** TYPE for a standard label, X-DOSSIER-LABEL for any other (vCard's TYPE takes only tokens). */
function labelParams(label: string, table: Record<string, string[]>, v3: boolean, extra: string[] = []): Record<string, string | string[]> {
  const types = [...extra, ...(table[label] ?? [])].map((t) => (v3 ? t.toUpperCase() : t));
  return { ...(types.length ? { type: types } : {}), ...(label && !table[label] ? { [X.label]: label } : {}) };
}

/** The jCard of one contact. */
function toJCard(c: ContactData, version: VCardVersion): [string, JProp[], []] {
  const v3 = version === '3.0';
  const props: JProp[] = [['version', {}, 'text', version]];
  props.push(['fn', {}, 'text', [c.honorific, c.givenName, c.familyName].filter(Boolean).join(' ')]);
  props.push(['n', {}, 'text', [c.familyName, c.givenName, '', c.honorific, '']]);
  if (c.institutionNames.length) props.push(['org', {}, 'text', c.institutionNames]);
  if (c.position) props.push(['title', {}, 'text', c.position]);
  for (const ph of c.phones) {
    const params = labelParams(ph.label, PHONE_TYPES, v3);
    if (!v3 && ph.e164) {
      // 4.0 wants a tel: URI; the number as the user wrote it rides along for the round trip.
      if (ph.value !== ph.e164) params[X.written] = ph.value;
      props.push(['tel', params, 'uri', `tel:${ph.e164}`]);
    } else {
      if (ph.e164) params[X.e164] = ph.e164;
      props.push(['tel', params, v3 ? 'phone-number' : 'text', ph.value]);
    }
  }
  for (const e of c.emails) props.push(['email', labelParams(e.label, EMAIL_TYPES, v3, v3 ? ['internet'] : []), 'text', e.value]);
  if (c.website) props.push(['url', {}, 'uri', c.website]);
  // LANG is 4.0 only; 3.0 readers ignore it, Dossier reads it back.
  c.languages.forEach((tag, i) => props.push(['lang', { pref: String(i + 1) }, v3 ? 'unknown' : 'language-tag', tag]));
  if (c.notes) props.push(['note', {}, 'text', c.notes]);
  if (c.informationDated) {
    const [y, m = '01', d = '01'] = c.informationDated.split('-');
    props.push(['rev', {}, v3 ? 'date-time' : 'timestamp', `${y}-${m}-${d}T00:00:00Z`]);
    props.push([X.dated, {}, 'unknown', c.informationDated]);
  }
  if (c.internal) props.push([X.internal, {}, 'unknown', 'true']);
  if (c.source) props.push([X.source, {}, 'text', c.source]);
  return ['vcard', props, []];
}

/**
 * The contact with no control character left in it: vCard has an escape for a line break in a value and for nothing
 * else, so a stray CR, NUL or U+2028 would split or corrupt the line in other readers. Notes keep their line breaks.
 */
function clean(c: ContactData): ContactData {
  const one = (s: string) => singleLine(s).trim();
  return {
    ...c,
    honorific: one(c.honorific),
    givenName: one(c.givenName),
    familyName: one(c.familyName),
    position: one(c.position),
    institutionNames: c.institutionNames.map(one),
    phones: c.phones.map((p) => ({ ...p, label: one(p.label), value: one(p.value) })),
    emails: c.emails.map((e) => ({ ...e, label: one(e.label), value: one(e.value) })),
    website: one(c.website),
    languages: c.languages.map(one),
    notes: multiLine(c.notes),
    source: one(c.source),
  };
}

/** A .vcf file of the contacts, CRLF line ends and 75-octet folding as RFC 6350 asks. */
export function writeVCards(contacts: readonly ContactData[], version: VCardVersion = '4.0'): string {
  return contacts.map((c) => ICAL.stringify(toJCard(clean(c), version)) + '\r\n').join('');
}
