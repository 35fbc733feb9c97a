/**
 * A section's content between its two forms: the text the editor edits and the store keeps (`Section.content`:
 * Markdown, or JSON for a structured kind) and the typed body every reader in main uses (`Section.body`). The store
 * parses with `parseSectionBody` when it reads; whoever changes a body (a pack variant removing marked parts) writes
 * the text again with `withBody`, so the two never disagree.
 */
import {
  AgendaBriefsContent,
  type BriefingDetail,
  type BriefingRecord,
  KeyMessagesContent,
  QaContent,
  type Section,
  type SectionBody,
  type SectionKind,
  type SectionRecord,
} from './model';
import type { z } from 'zod';

const STRUCTURED = { key_messages: KeyMessagesContent, qa: QaContent, agenda_briefs: AgendaBriefsContent } as const;
const isStructured = (kind: string): kind is keyof typeof STRUCTURED => kind in STRUCTURED;

/** The content of a section of `kind` as a typed body. JSON that does not parse, or does not fit, reads as empty. */
export function parseSectionBody(kind: z.infer<typeof SectionKind>, content: string): SectionBody {
  if (kind === 'markdown') return { kind, markdown: content };
  if (!isStructured(kind)) return { kind };
  let raw: unknown;
  try {
    raw = JSON.parse(content || '{}');
  } catch {
    raw = {};
  }
  const r = STRUCTURED[kind].safeParse(raw);
  return { ...(r.success ? r.data : STRUCTURED[kind].parse({})), kind } as SectionBody;
}

/** The stored text of a body: Markdown as it is, structured content as JSON (the normalised form the store keeps). */
export function sectionContent(body: SectionBody): string {
  switch (body.kind) {
    case 'markdown':
      return body.markdown;
    case 'key_messages':
      return JSON.stringify(body.handling === undefined ? { items: body.items } : { items: body.items, handling: body.handling });
    case 'qa':
      return JSON.stringify({ pairs: body.pairs });
    case 'agenda_briefs':
      return JSON.stringify({ briefs: body.briefs });
    default:
      return '';
  }
}

/** A section read from a record (a row, a snapshot, a pack's briefing.json): its body parsed from its content. */
export const sectionOf = (s: SectionRecord): Section => ({ ...s, body: parseSectionBody(s.kind, s.content) });

/** The section with a new body, its content text written to match. */
export const withBody = (s: Section, body: SectionBody): Section => ({ ...s, body, content: sectionContent(body) });

/** A section as it is stored in files: the body is derived, so it is left out (snapshots, briefing.json). */
export function sectionRecord(s: Section | SectionRecord): SectionRecord {
  const { body: _body, ...record } = s as Section;
  return record;
}

export const briefingOf = (b: BriefingRecord): BriefingDetail => ({ ...b, sections: b.sections.map(sectionOf) });
export const briefingRecord = (b: BriefingDetail | BriefingRecord): BriefingRecord => ({ ...b, sections: b.sections.map(sectionRecord) });
