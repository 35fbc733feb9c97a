/**
 * Paste-to-contact: reads a contact block, or a whole web page holding one, into a ContactProposal for the user
 * to review. Lines are classified (labelled field, name, post, unit, address, navigation, prose); each name line
 * opens a candidate block that runs until prose or the next name; the block with the most contact details wins.
 */
import type { ContactProposal, FieldOrigin, Phone } from '../../contract/model';
import { findDateLabel, type DateFound } from './text-date';
import { findEmails } from './text-email';
import { type Labelled, isAcronym, isAddress, isNavigation, isPositionLine, languageCodes, readLabel, unitLevel } from './text-labels';
import { type TextLine, isProse, toLines } from './text-lines';
import { looksLikeName, splitName, startsWithHonorific } from './text-name';
import { findPhoneNumbers, toPhone } from './phone';
import { phoneRegionOf } from './phone-region';

/** Options of the paste reader. */
export interface TextOptions {
  /** Country (ISO 3166 alpha-2) for phone numbers written without a country code, unless an e-mail/web domain tells. */
  defaultRegion?: string | null;
  /** Stored as the contact's source; defaults to the page title when the paste starts with one. */
  source?: string;
}

type Kind = 'name' | 'maybeName' | 'position' | 'unit' | 'detail' | 'languages' | 'address' | 'nav' | 'prose' | 'other';

interface Line extends TextLine {
  kind: Kind;
  label: Labelled | null;
  /** The text without its label. */
  value: string;
  emails: string[];
  phones: { written: string; label: string }[];
  web: string | null;
  date: DateFound | null;
}

const PHONE_LABEL = { phone: 'work', mobile: 'mobile', fax: 'fax' } as const;
const LONE_PHONE = /^(?:\+|00|\(?0)[\d\s()./–-]{5,}\d$/;
const LONE_WEB = /^(?:https?:\/\/|www\.)\S+$/i;

// Footers and signatures put several fields on one line: "Tel. +41 22 … | Fax … | E-mail …".
function splitSegments(lines: TextLine[]): TextLine[] {
  return lines.flatMap((l) => (isProse(l.text) ? [l] : l.text.split(/\s+[|·•]\s+/).map((text) => ({ no: l.no, text }))));
}

function classify(l: TextLine, next: TextLine | undefined): Line {
  const line: Line = { ...l, kind: 'other', label: null, value: l.text, emails: [], phones: [], web: null, date: findDateLabel(l.text, next?.text) };
  if (isProse(l.text)) return { ...line, kind: 'prose' };
  const label = readLabel(l.text);
  const value = label?.value ?? l.text;
  Object.assign(line, { label, value });
  line.emails = findEmails(value, label?.field === 'email');
  if (label && (label.field === 'phone' || label.field === 'mobile' || label.field === 'fax')) {
    line.phones = findPhoneNumbers(value).map((written) => ({ written, label: PHONE_LABEL[label.field as keyof typeof PHONE_LABEL] }));
  } else if (!label && LONE_PHONE.test(value)) line.phones = [{ written: value, label: 'work' }];
  if (label?.field === 'web' || (!label && LONE_WEB.test(value))) line.web = value.split(' ')[0]!.replace(/[.,;)]+$/, '');
  line.kind = kindOf(line);
  return line;
}

function kindOf(l: Line): Kind {
  switch (l.label?.field) {
    case 'name':
      return l.value ? 'name' : 'other';
    case 'position':
      return 'position';
    case 'unit':
    case 'organisation':
      return 'unit';
    case 'address':
      return 'address';
    case 'languages':
      return 'languages';
  }
  if (l.emails.length || l.phones.length || l.web || l.date) return 'detail';
  const t = l.text;
  if (isNavigation(t)) return 'nav';
  if (startsWithHonorific(t) && t.split(' ').length <= 8 && !/\d/.test(t)) return 'name';
  if (isPositionLine(t)) return 'position';
  if (unitLevel(t) !== null || isAcronym(t)) return 'unit';
  if (isAddress(t)) return 'address';
  return looksLikeName(t) ? 'maybeName' : 'other';
}

const CONTACTISH: ReadonlySet<Kind> = new Set(['detail', 'position', 'unit', 'languages', 'address']);

/** A candidate contact: lines[start..end] of the classified paste, `name` the index of its name line (or -1). */
interface Block {
  start: number;
  end: number;
  name: number;
  score: number;
}

function scoreOf(lines: Line[], start: number, end: number): number {
  let s = 0;
  for (let i = start; i <= end; i++) {
    const l = lines[i]!;
    s += 3 * l.emails.length + 2 * l.phones.length + (CONTACTISH.has(l.kind) ? 1 : 0);
  }
  return s;
}

/** Extends a block from its first line while contact lines follow, across at most three stray lines. */
function blockFrom(lines: Line[], start: number, stopAt: (i: number) => boolean): Block {
  let end = start;
  let stray = 0;
  for (let i = start + 1; i < lines.length && !stopAt(i); i++) {
    const k = lines[i]!.kind;
    if (k === 'prose') break;
    if (CONTACTISH.has(k)) {
      end = i;
      stray = 0;
    } else if (++stray > 3) break;
  }
  return { start, end, name: start, score: scoreOf(lines, start, end) };
}

const opensBlock = (lines: Line[], i: number): boolean => {
  const l = lines[i]!;
  if (l.kind === 'name') return true;
  if (l.kind !== 'maybeName') return false;
  // A bare capitalised pair is a name only if details follow soon ("Anna Weiß" / "Referentin" / "Tel …").
  for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
    const k = lines[j]!.kind;
    if (k === 'prose' || k === 'name') return false;
    if (k === 'detail' || k === 'position' || k === 'unit') return true;
  }
  return false;
};

function findBlocks(lines: Line[]): Block[] {
  const starts = lines.map((_, i) => i).filter((i) => opensBlock(lines, i));
  const blocks = starts.map((s) => blockFrom(lines, s, (i) => starts.includes(i)));
  const found = blocks.filter((b) => b.score >= 2 && b.end > b.start);
  if (found.length) return found;
  // No name line: the densest run of details, its name taken from a label or the e-mail address.
  const firstDetail = lines.findIndex((l) => l.kind === 'detail' && (l.emails.length || l.phones.length));
  if (firstDetail < 0) return [];
  let start = firstDetail;
  while (start > 0 && CONTACTISH.has(lines[start - 1]!.kind)) start--;
  const b = blockFrom(lines, start, () => false);
  return [{ ...b, name: -1 }];
}

const origin = (lines: number[], confidence: number): FieldOrigin => ({ lines: [...new Set(lines)], confidence });

function nameFromEmail(email: string): { givenName: string; familyName: string } | null {
  const parts = email.split('@')[0]!.split(/[._-]/).filter((p) => /^\p{L}{2,}$/u.test(p));
  if (parts.length < 2) return null;
  const cap = (p: string) => p[0]!.toUpperCase() + p.slice(1).toLowerCase();
  return { givenName: parts.slice(0, -1).map(cap).join(' '), familyName: cap(parts[parts.length - 1]!) };
}

const isUnitName = (s: string) => unitLevel(s) !== null || isAcronym(s);

/**
 * The units one line names, outermost first: "Ministry › Directorate › Unit" and "A > B" as written; "Unit, Directorate,
 * Ministry" (innermost first, as Dutch and German pages write it) by depth. A name with a comma of its own
 * ("Directorate-General for Employment, Social Affairs and Inclusion") stays whole.
 */
export function splitUnits(value: string): string[] {
  const chained = value.split(/\s*[›»>|]\s*|\s+\/\s+/).map((x) => x.trim()).filter(Boolean);
  if (chained.length > 1 && chained.every(isUnitName)) return chained;
  const listed = value.split(/\s*[,;]\s+/).map((x) => x.trim()).filter(Boolean);
  if (listed.length > 1 && listed.every(isUnitName)) {
    const depth = (x: string) => unitLevel(x) ?? 0;
    return listed.map((x, i) => ({ x, i })).sort((a, b) => depth(a.x) - depth(b.x) || a.i - b.i).map((e) => e.x);
  }
  return [value];
}

/** The page title ("Global Advocacy - ILO") when the paste starts with one before the contact. */
function pageTitle(lines: Line[], block: Block): { text: string; org: string | null; no: number } | null {
  const first = lines[0];
  if (!first || block.start === 0 || first.label || ['prose', 'nav', 'detail'].includes(first.kind) || /[,:;]$/.test(first.text)) return null;
  // "Global Advocacy - ILO": the site's name after the separator; or a first line that names an organisation.
  const segs = first.text.split(/\s+[-–—|:]\s+/);
  const last = segs[segs.length - 1]!;
  const org = isAcronym(last) || unitLevel(last) === 0 ? last : null;
  // A lone heading ("Contact", "Our people") is no page title.
  return segs.length > 1 || org ? { text: first.text, org, no: first.no } : null;
}

function buildProposal(all: Line[], b: Block, opts: TextOptions): ContactProposal {
  const block = all.slice(b.start, b.end + 1);
  const used = new Set<Line>();
  const warnings: string[] = [];
  const o: ContactProposal['origin'] = {};
  const p: ContactProposal = {
    honorific: '', givenName: '', familyName: '', position: '', institutionId: null, institutionNames: [], phones: [], emails: [], website: '',
    languages: [], notes: '', internal: false, source: opts.source ?? '', informationDated: null, addresses: [], photo: null, otherDetails: [], phoneRegion: null, line: (all[b.start] ?? all[0])?.no ?? 1, origin: o, warnings,
  };
  const take = (l: Line) => (used.add(l), l.no);

  for (const l of block) for (const e of l.emails) if (!p.emails.some((x) => x.value.toLowerCase() === e.toLowerCase())) p.emails.push({ label: 'work', value: e });
  if (p.emails.length) o.emails = origin(block.filter((l) => l.emails.length).map(take), 0.95);

  // Name.
  const nameLine = b.name >= 0 ? all[b.name]! : block.find((l) => l.kind === 'name');
  if (nameLine) {
    const parts = splitName(nameLine.value);
    Object.assign(p, { honorific: parts.honorific, givenName: parts.givenName, familyName: parts.familyName });
    if (parts.dropped.length) warnings.push(`Left out "${parts.dropped.join(', ')}" after the name (line ${nameLine.no}).`);
    o.name = origin([take(nameLine)], nameLine.kind === 'name' ? 0.9 : 0.7);
  } else {
    const guess = p.emails[0] ? nameFromEmail(p.emails[0].value) : null;
    if (guess) {
      Object.assign(p, guess);
      o.name = origin(o.emails?.lines.slice(0, 1) ?? [], 0.3);
      warnings.push('No name found; it was guessed from the e-mail address. Please check it.');
    } else warnings.push('No name found. Please enter it.');
  }

  // Post and units.
  const positions = block.filter((l) => l.kind === 'position');
  const fallbackPosition = nameLine ? block[block.indexOf(nameLine) + 1] : undefined;
  const posLine = positions[0] ?? (fallbackPosition?.kind === 'other' ? fallbackPosition : undefined);
  if (posLine) {
    p.position = posLine.value;
    o.position = origin([take(posLine)], posLine.label ? 0.9 : positions.length ? 0.8 : 0.4);
  }
  const units = block.filter((l) => l.kind === 'unit' && !used.has(l));
  const levelOf = (l: Line) => (l.label?.field === 'organisation' ? 0 : (unitLevel(splitUnits(l.value)[0]!) ?? (isAcronym(l.value) ? 0 : 2)));
  // A line may name the whole hierarchy ("Ministerie van SZW › Directie Internationale Zaken › Afdeling …"): keep its steps.
  p.institutionNames = [...units].sort((x, y) => levelOf(x) - levelOf(y)).flatMap((l) => splitUnits(l.value));
  const title = pageTitle(all, b);
  if (title?.org && !p.institutionNames.includes(title.org)) p.institutionNames.unshift(title.org);
  if (p.institutionNames.length) o.institution = origin([...units.map(take), ...(title?.org ? [title.no] : [])], units.length ? 0.8 : 0.5);
  if (!opts.source && title) p.source = title.text;

  const web = block.find((l) => l.web);
  if (web) {
    p.website = web.web!;
    o.website = origin([take(web)], web.label ? 0.9 : 0.7);
  }
  // Phones: numbers without a country code take the region of the e-mail/web domain, else the caller's default.
  const pr = phoneRegionOf(p, null, opts.defaultRegion ?? null);
  const region = pr?.region ?? null;
  for (const l of block) {
    for (const ph of l.phones) {
      const { problem, ...phone } = toPhone(ph.written, ph.label, region);
      if (!p.phones.some((x: Phone) => x.value === phone.value)) p.phones.push(phone);
      if (problem) warnings.push(`${problem} (line ${l.no})`);
    }
  }
  if (p.phones.length) o.phones = origin(block.filter((l) => l.phones.length).map(take), 0.9);
  if (p.phones.some((ph) => !/^\s*(\+|00)/.test(ph.value))) p.phoneRegion = pr;

  const langs = block.find((l) => l.kind === 'languages');
  if (langs) {
    p.languages = languageCodes(langs.value);
    o.languages = origin([take(langs)], 0.8);
  }
  const address = block.filter((l) => l.kind === 'address');
  if (address.length) {
    p.notes = address.map((l) => l.value).join('\n');
    o.notes = origin(address.map(take), 0.5);
  }
  pickDate(all, b, p, o, warnings, take);

  for (const l of block) if (!used.has(l) && l.kind !== 'nav' && !l.date) warnings.push(`Line ${l.no} was not used: "${l.text}".`);
  if (!p.emails.length && !p.phones.length) warnings.push('No e-mail address or phone number found.');
  return p;
}

/** The date label inside the block, else the nearest one on the page (the seed pages put it above the name). */
function pickDate(all: Line[], b: Block, p: ContactProposal, o: ContactProposal['origin'], warnings: string[], take: (l: Line) => number): void {
  const dated = all.filter((l) => l.date);
  if (!dated.length) return;
  const inside = dated.filter((l) => all.indexOf(l) >= b.start && all.indexOf(l) <= b.end);
  const dist = (l: Line) => Math.min(Math.abs(all.indexOf(l) - b.start), Math.abs(all.indexOf(l) - b.end));
  const best = inside[0] ?? [...dated].sort((x, y) => dist(x) - dist(y))[0]!;
  p.informationDated = best.date!.date;
  o.informationDated = origin([take(best)], inside.length ? 0.9 : 0.6);
  const others = new Set(dated.map((l) => l.date!.date).filter((d) => d !== best.date!.date));
  if (others.size) warnings.push(`The page gives other dates too (${[...others].join(', ')}); "${best.date!.label}" on line ${best.no} was used.`);
}

function read(text: string): Line[] {
  const raw = splitSegments(toLines(text));
  return raw.map((l, i) => classify(l, raw[i + 1]));
}

/** Every contact found in the text, in order (a team page gives several). Empty when there is none. */
export function parseContactTexts(text: string, opts: TextOptions = {}): ContactProposal[] {
  const lines = read(text);
  return findBlocks(lines).map((b) => buildProposal(lines, b, opts));
}

/** The one contact a paste is most likely about: the block with the most details. Never throws. */
export function parseContactText(text: string, opts: TextOptions = {}): ContactProposal {
  const lines = read(text);
  const blocks = findBlocks(lines);
  if (!blocks.length) {
    const empty = buildProposal(lines, { start: 0, end: -1, name: -1, score: 0 }, opts);
    empty.warnings.unshift('No contact details were found in the text.');
    return empty;
  }
  const best = blocks.reduce((a, c) => (c.score > a.score ? c : a));
  const p = buildProposal(lines, best, opts);
  if (blocks.length > 1) p.warnings.unshift(`The text holds ${blocks.length} contacts; this is the one with the most details (line ${p.line}). Import the text as a file to take them all.`);
  return p;
}
