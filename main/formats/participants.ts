/**
 * A participants (delegation) list as copied from a meeting's PDF or web page: one person per line
 * ("Mme Claire DUBOIS, Cheffe d’unité, BIT — dubois (at) ilo.org") or one per block of lines separated by a blank
 * line, with headings ("GERMANY", "List of participants") between them. Names, e-mails and honorifics are read by
 * the paste reader's helpers; this file only decides which piece of a person's text is which.
 */
import type { ContactProposal } from '../../contract/model';
import { emptyContact, proposalOf } from './contact-data';
import { findEmails } from './text-email';
import { isAcronym, isPositionLine, unitLevel } from './text-labels';
import { type TextLine, toLines } from './text-lines';
import { looksLikeName, splitName, startsWithHonorific } from './text-name';

/** Separators between the parts of one person's entry: commas, semicolons, em dashes, bars, tabs (not en dashes, which posts use: "Senior Specialist – Global Governance"). */
const SEPARATORS = /\s*(?:[,;|\t•·]|\s—\s|\s{3,})\s*/;
/** "Name (OECD)": an institution or country in brackets after the name. */
const BRACKETED = /\s*\(([^()]+)\)\s*$/;
const HEADING_WORDS = /\b(?:participants?|list|liste|teilnehmer(?:liste)?|deelnemers(?:lijst)?|delegations?|délégations?|delegationen|observers?|observateurs?|beobachter)\b/i;

interface Part {
  text: string;
  no: number;
}

const isCapsName = (s: string) => /^\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})*\s+\p{Lu}\p{Ll}/u.test(s);
/** Whether a piece of text opens with a person's name. */
export const isPersonName = (s: string): boolean => {
  const name = s.replace(BRACKETED, '');
  return startsWithHonorific(name) || looksLikeName(name) || isCapsName(name);
};

/** Splits one line into its parts, keeping an obfuscated e-mail ("x (at) y [dot] org") in one piece. */
function partsOf(line: TextLine): Part[] {
  return line.text
    .split(SEPARATORS)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => ({ text, no: line.no }));
}

const isInstitution = (s: string) => isAcronym(s) || unitLevel(s) !== null;

/** One person from the parts of their entry; `group` is the heading above (a country or organisation), if any. */
function person(parts: Part[], group: string | null, source: string): ContactProposal {
  const first = parts[0]!;
  const warnings: string[] = [];
  const data = emptyContact();
  data.source = source;
  const institutions: string[] = [];
  const bracket = first.text.match(BRACKETED);
  const name = splitName(bracket ? first.text.slice(0, bracket.index) : first.text);
  Object.assign(data, { honorific: name.honorific, givenName: name.givenName, familyName: name.familyName });
  if (bracket) institutions.push(bracket[1]!.trim());
  if (name.dropped.length) warnings.push(`Left out "${name.dropped.join(', ')}" after the name (line ${first.no}).`);
  const rest: Part[] = [];
  for (const p of parts.slice(1)) {
    const emails = findEmails(p.text, true);
    if (emails.length) {
      for (const e of emails) if (!data.emails.some((x) => x.value.toLowerCase() === e.toLowerCase())) data.emails.push({ label: 'work', value: e });
    } else rest.push(p);
  }
  // The post is the part that reads like one (else the first left); organisations and countries are the others.
  const post = rest.find((p) => isPositionLine(p.text) && !isAcronym(p.text)) ?? rest.find((p) => !isInstitution(p.text));
  // A post with commas ("Head of Division, Bilateral and Multilateral Relations, BMAS"): the parts after it that name
  // no institution belong to it, as long as an institution still follows.
  const taken = new Set<Part>(post ? [post] : []);
  if (post) {
    const words = [post.text];
    for (let i = rest.indexOf(post) + 1; i < rest.length - 1 && !isInstitution(rest[i]!.text) && rest.slice(i + 1).some((p) => isInstitution(p.text)); i++) {
      words.push(rest[i]!.text);
      taken.add(rest[i]!);
    }
    data.position = words.join(', ');
  }
  for (const p of rest) if (!taken.has(p)) institutions.push(p.text);
  if (institutions.length === 0 && group) institutions.push(group);
  // Outermost first: an organisation before its units.
  data.institutionNames = [...institutions].sort((a, b) => (unitLevel(a) ?? (isAcronym(a) ? 0 : 1)) - (unitLevel(b) ?? (isAcronym(b) ? 0 : 1)));
  if (!data.givenName && !data.familyName) warnings.push(`No name found on line ${first.no}.`);
  return { ...proposalOf(data, first.no, warnings), origin: { name: { lines: [first.no], confidence: 0.8 } } };
}

/** Blocks of lines separated by blank lines, each line numbered as pasted. */
function blocks(text: string): TextLine[][] {
  const out: TextLine[][] = [];
  let current: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const [line] = toLines(raw);
    if (!line) {
      if (current.length) out.push(current);
      current = [];
    } else current.push({ no: i + 1, text: line.text });
  });
  if (current.length) out.push(current);
  return out;
}

/** A line that stands above people rather than for one: "GERMANY", "List of participants", "OECD". */
function heading(line: TextLine): string | null {
  const parts = partsOf(line);
  if (parts.length !== 1 || findEmails(line.text, true).length) return null;
  const t = line.text.replace(/:$/, '');
  if (HEADING_WORDS.test(t)) return '';
  if (isPersonName(t) && !(t === t.toUpperCase() && t.split(' ').length === 1)) return null;
  return t === t.toUpperCase() || isInstitution(t) ? t : null;
}

const titleCaseHeading = (h: string) => (isAcronym(h) && h.length <= 6 ? h : h.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase()));

/**
 * The people of a participants list, in order. A block whose lines each open with a name is one person per
 * line; any other block is one person whose name is on its first line. `source` is stored as each one's source.
 */
export function parseParticipants(text: string, source = ''): ContactProposal[] {
  const people: ContactProposal[] = [];
  let group: string | null = null;
  for (const block of blocks(text)) {
    const lines = [...block];
    while (lines.length) {
      const h = heading(lines[0]!);
      if (h === null) break;
      if (h) group = titleCaseHeading(h);
      lines.shift();
    }
    if (lines.length === 0) continue;
    const named = lines.filter((l) => isPersonName(partsOf(l)[0]?.text ?? ''));
    if (named.length === lines.length || named.length > 1) {
      // One person per line; a line that opens with no name continues the person above (a wrapped entry).
      let current: Part[] | null = null;
      for (const l of lines) {
        const h = heading(l);
        if (h !== null && !isPersonName(l.text)) {
          if (current) people.push(person(current, group, source));
          current = null;
          if (h) group = titleCaseHeading(h);
          continue;
        }
        if (isPersonName(partsOf(l)[0]?.text ?? '') || !current) {
          if (current) people.push(person(current, group, source));
          current = partsOf(l);
        } else current.push(...partsOf(l));
      }
      if (current) people.push(person(current, group, source));
    } else {
      people.push(person(lines.flatMap(partsOf), group, source));
    }
  }
  return people.filter((p) => p.givenName || p.familyName);
}
