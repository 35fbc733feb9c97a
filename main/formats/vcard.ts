/**
 * vCard 2.1 / 3.0 / 4.0 import, as Outlook, Google, Apple, Thunderbird and Android write them (issue 17). Every
 * property lands somewhere: in Dossier's own fields, in the contact's addresses and photo, or as an "other detail"
 * (name, value and the property to write it back as). Nothing is dropped unless the user names the property in
 * `drop`. A card that cannot become a contact is a rejected record; the rest of the file is read.
 * Export lives in vcard-write.ts.
 */
import type { Address, OtherDetail, RejectedRecord } from '../../contract/model';
import { PHOTO_MAX_BASE64, PHOTO_TYPES } from '../../contract/model';
import { normaliseLanguages } from '../../contract/language';
import type { ContactProposal } from '../../contract/model';
import { type ContactData, type ContactFileRead, Tallies, emptyContact, labelFromTypes, proposeName, proposalOf, rejectedError, toPartialDate } from './contact-data';
import { resolvePhones } from './phone-region';
import { splitName } from './text-name';
import { type CardCursor, type CardLine, type RawCard, splitCards } from './vcard-lines';
import { inlineImage, listValue, rawText, structured, textValue, unescapeText } from './vcard-values';

/** Our own properties, so a Dossier → Dossier round trip keeps what vCard has no place for. */
export const X = {
  internal: 'X-DOSSIER-INTERNAL',
  source: 'X-DOSSIER-SOURCE',
  dated: 'X-DOSSIER-DATED',
  written: 'X-DOSSIER-WRITTEN',
  e164: 'X-DOSSIER-E164',
  label: 'X-DOSSIER-LABEL',
  /** An other detail with no vCard property of its own; its name in X-NAME. */
  detail: 'X-DOSSIER-DETAIL',
  /** The name an other detail is shown under, when it differs from the property's usual name. */
  name: 'X-DOSSIER-NAME',
} as const;

/** The other detail that holds N's suffix ("Jr.", "PhD"): Dossier has no field for it, vCard export puts it back in N. */
export const SUFFIX_DETAIL = 'Name suffix';

// Names shown for properties Dossier keeps as other details (the renderer translates the common ones by property).
const DETAIL_NAMES: Record<string, string> = {
  BDAY: 'Birthday', ANNIVERSARY: 'Anniversary', NICKNAME: 'Nickname', GENDER: 'Gender', IMPP: 'Instant messaging', CATEGORIES: 'Categories',
  UID: 'UID', ROLE: 'Role', URL: 'Website', TITLE: 'Title', ORG: 'Organisation', PHOTO: 'Photo', LOGO: 'Logo', TZ: 'Time zone', GEO: 'Location',
  RELATED: 'Related', 'X-SKYPE': 'Skype', 'X-SKYPE-USERNAME': 'Skype', 'X-AIM': 'AIM', 'X-JABBER': 'Jabber', 'X-MSN': 'MSN', 'X-ICQ': 'ICQ',
  'X-ABRELATEDNAMES': 'Related name', 'X-ABDATE': 'Date', 'X-SOCIALPROFILE': 'Social profile', 'X-PHONETIC-FIRST-NAME': 'Phonetic first name',
  'X-PHONETIC-LAST-NAME': 'Phonetic last name', 'X-MS-MANAGER': 'Manager', 'X-MS-ASSISTANT': 'Assistant', 'X-MS-SPOUSE': 'Spouse',
  'X-ASSISTANT': 'Assistant', 'X-MANAGER': 'Manager', 'X-SPOUSE': 'Spouse', 'X-ANNIVERSARY': 'Anniversary', 'X-ABSHOWAS': 'Show as',
  LABEL: 'Address label', NOTE: 'Note', SOURCE: 'Source', KIND: 'Kind', MEMBER: 'Member', MAILER: 'Mailer', CLASS: 'Class', 'SORT-STRING': 'Sort as',
};
/** The name the reader shows a property's value under when the file gives none. */
export const detailName = (property: string): string => DETAIL_NAMES[property] ?? property;

// Not contact data: the card's frame and the writing program's stamp.
const FRAME = new Set(['VERSION', 'PRODID', 'BEGIN', 'END']);

const first = (l: CardLine, key: string) => l.params.get(key)?.[0];
// Apple's "item1.X-ABLabel:_$!<Mobile>!$_" labels the grouped property item1.TEL; a custom label is plain text.
const appleLabel = (l: string) => l.match(/^_\$!<(.*)>!\$_$/)?.[1] ?? l;

/**
 * A tel: URI's global number with only visual separators ("+41-22-799-6111") is E.164 already (RFC 3966 §5.1.4);
 * taking it as is spares libphonenumber, the slowest step of a large import.
 */
function globalNumber(n: string): string | null {
  if (!/^\+[\d.()-]+$/.test(n)) return null;
  const digits = n.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
}

/** "tel:+1-201-555-0123;ext=456" → the number as written "+1-201-555-0123 ext. 456" and its E.164 form; the extension is kept. */
function readTelUri(v: string): { written: string; e164: string | null } {
  const [num = '', ...params] = decodeURIComponent(v.slice(4)).split(';');
  const ext = params.find((p) => /^ext=/i.test(p))?.slice(4);
  return { written: ext ? `${num} ext. ${ext}` : num, e164: globalNumber(num) };
}

interface Env {
  tallies: Tallies;
  drop: ReadonlySet<string>;
  setting: string | null;
}

/** Why a card cannot become a contact, and the line at fault. */
class CardError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** What reading one card shares between its lines: the contact so far, Apple's group labels, the tallies. */
interface CardRead {
  c: ContactData;
  labels: Map<string, string>;
  env: Env;
}

// Module functions rather than closures made per card: tsx names every function it creates, a cost per card.

// Android writes its custom labels as types: EMAIL;X-Secretariat.
const typesOf = (l: CardLine) => (l.params.get('TYPE') ?? []).map((t) => t.replace(/^X-/i, ''));

function labelOf(r: CardRead, l: CardLine): string {
  const apple = l.group ? r.labels.get(l.group.toLowerCase()) : undefined;
  // Apple's built-in labels (Work, Mobile, HomePage) are the standard ones; its custom ones are kept as written.
  const std = apple ? labelFromTypes([apple]) : '';
  return first(l, X.label) ?? (apple ? (['work', 'home', 'mobile', 'fax', 'pager'].includes(std) ? std : apple) : undefined) ?? labelFromTypes(typesOf(l));
}

const NAME_PARAM = new RegExp(`;${X.name}=("[^"]*"|[^;:]*)`, 'i');

/** Keeps a value as an other detail (or drops it, if the user chose so). */
function other({ c, labels, env }: CardRead, l: CardLine, value: string, name?: string): void {
  if (env.drop.has(l.name)) return env.tallies.add(l.name, 'dropped');
  const label = l.group ? labels.get(l.group.toLowerCase()) : undefined;
  const own = first(l, X.name);
  const shown = own ?? (l.name === X.detail ? first(l, 'X-NAME') : undefined) ?? name ?? label ?? detailName(l.name);
  // The property as written, without our own naming parameter, so an export writes it back the same.
  // Transfer encodings (2.1's QUOTED-PRINTABLE and CHARSET) describe the file, not the value, and are left behind.
  const params = l.rawParams
    .replace(NAME_PARAM, '')
    .replace(/;(ENCODING|CHARSET)=[^;:]*/gi, '')
    .replace(/;(QUOTED-PRINTABLE|BASE64|8BIT)(?=[;:]|$)/gi, '');
  const detail: OtherDetail = { name: shown.slice(0, 200), value, property: l.name === X.detail ? '' : `${l.name}${params}`.slice(0, 500) };
  c.otherDetails.push(detail);
  env.tallies.add(l.name, 'other');
}

/** Reads one card into a proposal; throws CardError for a card that cannot become a contact. */
function readCard(card: RawCard, env: Env): ContactProposal {
  const c: ContactData = emptyContact();
  const warnings = [...card.warnings];
  const { tallies } = env;
  const labels = new Map<string, string>();
  const abadr = new Map<string, string>();
  for (const l of card.lines) {
    if (l.name === 'X-ABLABEL' && l.group) labels.set(l.group.toLowerCase(), appleLabel(textValue(l)));
    if (l.name === 'X-ABADR' && l.group) abadr.set(l.group.toLowerCase(), textValue(l).toUpperCase());
  }
  const r: CardRead = { c, labels, env };

  let fn = '';
  let hasN = false;
  const langs: { pref: number; tag: string }[] = [];
  const notes: string[] = [];
  for (const l of card.lines) {
    if (FRAME.has(l.name)) continue;
    let value: string;
    try {
      value = l.name === 'PHOTO' || l.name === 'LOGO' ? l.value : rawText(l);
    } catch (err) {
      throw new CardError(l.no, `${l.name} cannot be read: ${(err as Error).message}.`);
    }
    // The value as text, unescaped (an image's data is not text: it is unescaped only where it is kept as text).
    // Computed here rather than in a closure: tsx names every function it creates, and this runs for every line.
    const isImage = l.name === 'PHOTO' || l.name === 'LOGO';
    const text = isImage ? '' : unescapeText(value).trim();
    switch (l.name) {
      case 'FN':
        fn = text;
        tallies.add(l.name, 'stored');
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = structured(value).map((p) => p.join(' ').trim());
        Object.assign(c, { familyName: family, givenName: [given, additional].filter(Boolean).join(' '), honorific: prefix });
        hasN = family !== '' || given !== '';
        tallies.add(l.name, 'stored');
        if (suffix) c.otherDetails.push({ name: SUFFIX_DETAIL, value: suffix, property: '' });
        break;
      }
      case 'ORG': {
        const units = structured(value).map((p) => p.join(', ').trim()).filter(Boolean);
        if (c.institutionNames.length === 0) (c.institutionNames = units), tallies.add(l.name, 'stored');
        else other(r, l, units.join(' > '));
        break;
      }
      case 'TITLE':
      case 'ROLE':
        if (!c.position && text) (c.position = text), tallies.add(l.name, 'stored');
        else if (text) other(r, l, text);
        break;
      case 'TEL': {
        const v = text;
        const isUri = /^tel:/i.test(v);
        const uri = isUri ? readTelUri(v) : null;
        const written = first(l, X.written) ?? uri?.written ?? v;
        if (!written) break;
        c.phones.push({ label: labelOf(r, l), value: written, e164: first(l, X.e164) ?? uri?.e164 ?? null });
        tallies.add(l.name, 'stored');
        break;
      }
      case 'EMAIL':
        if (text) c.emails.push({ label: labelOf(r, l), value: text.replace(/^mailto:/i, '') }), tallies.add(l.name, 'stored');
        break;
      case 'URL':
        if (!c.website && text) (c.website = text), tallies.add(l.name, 'stored');
        else if (text) other(r, l, text);
        break;
      case 'LANG':
        if (text) langs.push({ pref: Number(first(l, 'PREF') ?? 100), tag: text }), tallies.add(l.name, 'stored');
        break;
      case 'NOTE':
        if (text) notes.push(text), tallies.add(l.name, 'stored');
        break;
      case 'ADR': {
        const [poBox = '', extended = '', street = '', locality = '', region = '', postalCode = '', country = ''] = structured(value).map((p) =>
          p.map((x) => x.trim()).filter(Boolean).join('\n'),
        );
        const a: Address = { label: labelOf(r, l), poBox, extended, street, locality, region, postalCode, country };
        // Apple keeps the address's country code apart (item1.X-ABADR:ch) when the country is not written.
        if (!a.country && l.group && abadr.has(l.group.toLowerCase())) a.country = abadr.get(l.group.toLowerCase())!;
        if (Object.values(a).some((x, i) => i > 0 && x)) c.addresses.push(a), tallies.add(l.name, 'stored');
        break;
      }
      case 'LABEL':
        // 2.1/3.0 formatted address: the ADR of the same card says it structured; without one it is the address.
        if (card.lines.some((x) => x.name === 'ADR')) tallies.add(l.name, 'stored');
        else if (text) c.addresses.push({ label: labelOf(r, l), poBox: '', extended: '', street: text, locality: '', region: '', postalCode: '', country: '' }), tallies.add(l.name, 'stored');
        break;
      case 'PHOTO': {
        const img = inlineImage(l);
        if (img && !c.photo && (PHOTO_TYPES as readonly string[]).includes(img.mediaType) && img.dataBase64.length <= PHOTO_MAX_BASE64) {
          c.photo = { mediaType: img.mediaType as (typeof PHOTO_TYPES)[number], dataBase64: img.dataBase64 };
          tallies.add(l.name, 'stored');
        } else if (!img) other(r, l, unescapeText(value).trim());
        else if (img.dataBase64.length <= 20_000) other(r, l, `data:${img.mediaType};base64,${img.dataBase64}`);
        else {
          warnings.push(`Line ${l.no}: a ${img.mediaType} photo of ${Math.round((img.dataBase64.length * 3) / 4096)} KB could not be kept (only one photo of JPEG, PNG, GIF or WebP up to 3 MB is).`);
          tallies.add(l.name, 'dropped');
        }
        break;
      }
      case 'REV':
        if (!c.informationDated) {
          c.informationDated = toPartialDate(text);
          if (c.informationDated) tallies.add(l.name, 'stored');
          else other(r, l, text);
        } else tallies.add(l.name, 'stored');
        break;
      case X.dated:
        c.informationDated = toPartialDate(text);
        if (!c.informationDated) throw new CardError(l.no, `X-DOSSIER-DATED "${text}" is not a year, a year-month or a date.`);
        tallies.add(l.name, 'stored');
        break;
      case X.internal:
        c.internal = /^(true|1|yes)$/i.test(text);
        tallies.add(l.name, 'stored');
        break;
      case X.source:
        c.source = text;
        tallies.add(l.name, 'stored');
        break;
      case 'X-ABLABEL':
      case 'X-ABADR':
        tallies.add(l.name, 'stored');
        break;
      case 'CATEGORIES':
      case 'NICKNAME':
        if (text) other(r, l, listValue(value).map((x) => x.trim()).filter(Boolean).join(', '));
        break;
      case 'X-ANDROID-CUSTOM': {
        // Android keeps nicknames and relations here: "vnd.android.cursor.item/nickname;Nicky;1;;;…".
        const [kind = '', v = ''] = structured(value).map((p) => p.join(','));
        const what = kind.split('/').pop() ?? '';
        if (what === 'nickname' && v) other(r, { ...l, name: 'NICKNAME', rawParams: '' }, v);
        else if (text) other(r, l, text);
        break;
      }
      default:
        if (text) other(r, l, text);
    }
  }
  c.languages = normaliseLanguages(langs.sort((a, b) => a.pref - b.pref).map((l) => l.tag));
  c.notes = notes.join('\n\n');
  if (!hasN && fn) {
    const { honorific, givenName, familyName } = splitName(fn);
    Object.assign(c, { honorific, givenName, familyName });
  }
  if (!c.givenName && !c.familyName) {
    const proposed = proposeName(c, 'card');
    if (!proposed) throw new CardError(card.begin, 'the card has no name, e-mail address or organisation to name it by.');
    warnings.push(proposed);
  }
  const phoneRegion = resolvePhones(c, null, env.setting);
  return proposalOf(c, card.begin, warnings, phoneRegion);
}

/** Options of the vCard reader. */
export interface VCardReadOptions {
  /** Region (ISO 3166 alpha-2) for phone numbers without a country code when nothing else tells. */
  region?: string | null;
  /** Property names (TEL, X-ABUID) whose values the user chose not to keep. */
  drop?: readonly string[];
  /**
   * Where to start (a position after a card), kept up to date as the file is read: `atCard` is true while the
   * record last yielded is a card's (contact or refusal), and the cursor then points just after that card.
   */
  cursor?: CardCursor & { atCard?: boolean };
}

/**
 * The contacts of a .vcf file one at a time in file order, each card as it is read (an import of 100,000 cards never
 * holds them all), and the records that cannot be imported (line and reason) where they come. What happens to each
 * property is counted in `tallies`. Throws DossierError('invalid_input') only for a file with no card at all.
 */
export function* vCardRecords(content: string, file: string, opts: VCardReadOptions = {}, tallies = new Tallies()): Generator<ContactProposal | RejectedRecord> {
  const rejected: RejectedRecord[] = [];
  const env: Env = { tallies, drop: new Set((opts.drop ?? []).map((d) => d.toUpperCase())), setting: opts.region ?? null };
  const cursor = opts.cursor;
  for (const card of splitCards(content, file, rejected, cursor)) {
    if (rejected.length) {
      // The file has been read past the card about to come: no position to go on from until it is yielded.
      if (cursor) cursor.atCard = false;
      yield* rejected.splice(0);
    }
    if (cursor) cursor.atCard = true;
    try {
      yield readCard(card, env);
    } catch (err) {
      yield { line: err instanceof CardError ? err.line : card.begin, reason: (err as Error).message };
    }
  }
  if (cursor) cursor.atCard = false;
  yield* rejected.splice(0);
}

/** A record vCardRecords could not read, as opposed to a contact. */
export const isRejected = (r: ContactProposal | RejectedRecord): r is RejectedRecord => 'reason' in r;

/**
 * Every contact of a .vcf file in file order, the cards that cannot be imported (line and reason), and what happens
 * to each property. Throws DossierError('invalid_input') only for a file with no card at all.
 */
export function readVCardFile(content: string, file: string, opts: VCardReadOptions = {}): ContactFileRead {
  const tallies = new Tallies();
  const rejected: RejectedRecord[] = [];
  const proposals: ContactProposal[] = [];
  for (const r of vCardRecords(content, file, opts, tallies)) {
    if (isRejected(r)) rejected.push(r);
    else proposals.push(r);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { proposals, rejected, fields: tallies.list() };
}

/** The contacts of a .vcf file; the first record that cannot be imported refuses the whole file (all or nothing). */
export function readVCards(content: string, file: string, region: string | null = null): ContactProposal[] {
  const r = readVCardFile(content, file, { region });
  if (r.rejected[0]) throw rejectedError(file, r.rejected[0]);
  return r.proposals;
}
