/**
 * vCard export: 4.0 by default (tel: URIs with the E.164 form, data: URI photos), 3.0 for older address books.
 * Addresses, the photo and every other detail are written back; what vCard has no property for travels in
 * X-DOSSIER-* properties and parameters, so re-importing an export gives the same contacts field for field.
 * Written by hand (escaping, RFC 6868 parameters, folding at 75 octets): other details carry their parameters as
 * the source file wrote them, which a jCard-based writer would rewrite.
 */
import { multiLine } from '../../contract/text';
import type { ContactData } from './contact-data';
import { SUFFIX_DETAIL, X, detailName as defaultName } from './vcard';
import { parseContentLine } from './vcard-lines';

export type VCardVersion = '3.0' | '4.0';

const PHONE_TYPES: Record<string, string[]> = {
  work: ['work', 'voice'], home: ['home', 'voice'], mobile: ['cell', 'voice'], fax: ['work', 'fax'], 'home fax': ['home', 'fax'], pager: ['pager'],
};
const EMAIL_TYPES: Record<string, string[]> = { work: ['work'], home: ['home'] };
const ADR_TYPES: Record<string, string[]> = { work: ['work'], home: ['home'] };

/**
 * Text value escaping (RFC 6350 §3.4); `structured` also escapes ";" (component separator) — "," always. Line breaks
 * of every kind (CR, LF, NEL, U+2028) become "\n"; other control characters, which vCard cannot write, are dropped.
 */
const esc = (v: string) => multiLine(v).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
/** A parameter value: RFC 6868 for newline, quote and caret; quoted when it holds , ; or :. */
const paramValue = (v: string) => {
  const e = multiLine(v).replace(/\^/g, '^^').replace(/\n/g, '^n').replace(/"/g, "^'");
  return /[,;:]/.test(e) ? `"${e}"` : e;
};

/**
 * Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). No control character but TAB
 * gets through: a value the escapes above did not see (a detail's property as its source wrote it) loses them here.
 */
function fold(raw: string): string {
  const line = raw.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/gu, '');
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
      limit = 74; // the continuation's leading space counts
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

type Params = [string, string[]][];
const prop = (name: string, params: Params, value: string) =>
  fold(name + params.filter(([, v]) => v.length).map(([k, v]) => `;${k}=${v.map(paramValue).join(',')}`).join('') + ':' + value);

/** TYPE for a standard label, X-DOSSIER-LABEL for any other (vCard's TYPE takes only tokens). */
function labelParams(label: string, table: Record<string, string[]>, v3: boolean, extra: string[] = []): Params {
  const types = [...extra, ...(table[label] ?? [])].map((t) => (v3 ? t.toUpperCase() : t));
  return [['TYPE', types], [X.label, label && !table[label] ? [label] : []]];
}

/** The lines of one contact. */
function cardLines(c: ContactData, version: VCardVersion): string[] {
  const v3 = version === '3.0';
  const suffix = c.otherDetails.find((d) => d.name === SUFFIX_DETAIL && d.property === '');
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(prop('FN', [], esc([c.honorific, c.givenName, c.familyName, suffix?.value].filter(Boolean).join(' '))));
  lines.push(prop('N', [], [c.familyName, c.givenName, '', c.honorific, suffix?.value ?? ''].map(esc).join(';')));
  if (c.institutionNames.length) lines.push(prop('ORG', [], c.institutionNames.map(esc).join(';')));
  if (c.position) lines.push(prop('TITLE', [], esc(c.position)));
  for (const ph of c.phones) {
    const params = labelParams(ph.label, PHONE_TYPES, v3);
    if (!v3 && ph.e164) {
      // 4.0 wants a tel: URI; the number as the user wrote it rides along for the round trip.
      if (ph.value !== ph.e164) params.push([X.written, [ph.value]]);
      lines.push(prop('TEL', [['VALUE', ['uri']], ...params], `tel:${ph.e164}`));
    } else {
      if (ph.e164) params.push([X.e164, [ph.e164]]);
      lines.push(prop('TEL', params, esc(ph.value)));
    }
  }
  for (const e of c.emails) lines.push(prop('EMAIL', labelParams(e.label, EMAIL_TYPES, v3, v3 ? ['internet'] : []), esc(e.value)));
  for (const a of c.addresses) {
    lines.push(prop('ADR', labelParams(a.label, ADR_TYPES, v3), [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].map(esc).join(';')));
  }
  if (c.website) lines.push(prop('URL', [], c.website.replace(/\\/g, '\\\\').replace(/,/g, '\\,')));
  // LANG is 4.0 only; 3.0 readers ignore it, Dossier reads it back.
  c.languages.forEach((tag, i) => lines.push(prop('LANG', [['PREF', [String(i + 1)]]], esc(tag))));
  if (c.notes) lines.push(prop('NOTE', [], esc(c.notes)));
  if (c.photo) {
    lines.push(
      v3
        ? prop('PHOTO', [['ENCODING', ['b']], ['TYPE', [c.photo.mediaType.slice(6).toUpperCase()]]], c.photo.dataBase64)
        : prop('PHOTO', [], `data:${c.photo.mediaType};base64,${c.photo.dataBase64}`),
    );
  }
  if (c.informationDated) {
    const [y, m = '01', d = '01'] = c.informationDated.split('-');
    lines.push(prop('REV', [], v3 ? `${y}-${m}-${d}T00:00:00Z` : `${y}${m}${d}T000000Z`));
    lines.push(prop(X.dated, [], c.informationDated));
  }
  if (c.internal) lines.push(prop(X.internal, [], 'true'));
  if (c.source) lines.push(prop(X.source, [], esc(c.source)));
  for (const d of c.otherDetails) {
    if (d === suffix) continue;
    // The property as the source wrote it (name and parameters), with the detail's name when it is not the usual one.
    const head = d.property ? parseContentLine(`${d.property}:`, 0) : null;
    if (head) {
      const named = d.name !== defaultName(head.name);
      lines.push(fold(`${d.property}${named ? `;${X.name}=${paramValue(d.name)}` : ''}:${esc(d.value)}`));
    } else lines.push(prop(X.detail, [['X-NAME', [d.name]]], esc(d.value)));
  }
  lines.push('END:VCARD');
  return lines;
}

/** A .vcf file of the contacts, CRLF line ends and 75-octet folding as RFC 6350 asks. */
export function writeVCards(contacts: readonly ContactData[], version: VCardVersion = '4.0'): string {
  return contacts.map((c) => cardLines(c, version).join('\r\n') + '\r\n').join('');
}
