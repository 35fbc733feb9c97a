/** Packs: variants and their release report, pre-flight findings, issued packs, and what an imported pack carries. */
import { z } from 'zod';
import { Id } from './common';
import { HandlingMark } from './briefing';
import { ImportItem } from './contact';
import { MeetingProposal } from './meeting';

/** full: everything, for the principal; releasable: without not-for-disclosure and internal parts; runbook: programme, logistics, who's who. */
export const PACK_VARIANTS = ['full', 'releasable', 'runbook'] as const;
export const PackVariant = z.enum(PACK_VARIANTS);
export type PackVariant = z.infer<typeof PackVariant>;

/** One part a variant left out, for the release report: a section, a paragraph (its first words), a Q&A question, a key message. */
export const DroppedPart = z.object({
  sectionId: Id.nullable(),
  section: z.string(),
  part: z.enum(['section', 'paragraph', 'question', 'key_message', 'brief']),
  /** The section title, the paragraph's first words, the question. */
  text: z.string(),
  handling: HandlingMark.nullable(),
  /** 'handling' (marked not for release) or 'runbook' (not a run-book kind). */
  reason: z.enum(['handling', 'runbook']),
});
export type DroppedPart = z.infer<typeof DroppedPart>;
/**
 * Who cleared the briefing a pack is made of, as its cover, the run book and the release report state it (issue 20).
 * 'none': nobody clears this briefing (no chain); 'not_sent': a chain, never sent (or sent back, or withdrawn);
 * 'pending': in clearance, or an approval no longer holds since a section changed; 'cleared': every clearer approved
 * and nothing changed since; 'overridden': made final without every approval, with a recorded reason.
 */
export const PackClearance = z.object({
  state: z.enum(['none', 'not_sent', 'pending', 'cleared', 'overridden']),
  /** The approvals of the latest round that still hold, in chain order: name and post when approving, role, day. */
  approvals: z.array(z.object({ name: z.string(), post: z.string(), label: z.string(), day: z.string() })),
  /** Who is still to clear, in chain order (pending). */
  awaiting: z.array(z.object({ name: z.string(), label: z.string() })),
  override: z.object({ name: z.string(), post: z.string(), day: z.string(), reason: z.string() }).nullable(),
});
export type PackClearance = z.infer<typeof PackClearance>;

export const ReleaseReport = z.object({ variant: PackVariant, marking: z.string(), dropped: z.array(DroppedPart), clearance: PackClearance });
export type ReleaseReport = z.infer<typeof ReleaseReport>;

export const PREFLIGHT_KINDS = ['stale_contact', 'empty_brief', 'over_budget', 'unchanged_line', 'missing_glyph', 'todo_marker', 'open_commission', 'missing_clearance'] as const;
/** A thing to check before a pack goes out, with where it is and the app route that fixes it. */
export const PreflightFinding = z.object({
  /** Stable across runs (kind + place + detail), so an acceptance is remembered. */
  key: z.string(),
  kind: z.enum(PREFLIGHT_KINDS),
  message: z.string(),
  where: z.object({ sectionId: Id.nullable(), contactId: Id.nullable(), agendaItemId: Id.nullable() }),
  /** Hash route of the place to fix it, e.g. '#/contacts/12' or '#/briefings/3?section=14'. */
  route: z.string(),
  /** null: open; 'accept': the user accepted it for this briefing; 'flag': printed "to check" in the pack. */
  decision: z.enum(['accept', 'flag']).nullable(),
});
export type PreflightFinding = z.infer<typeof PreflightFinding>;

/** An issued pack or an addendum, as stored (without its PDF). */
export const IssuedPack = z.object({
  id: Id,
  briefingId: Id,
  variant: PackVariant,
  edition: z.number().int(),
  addendumOf: Id.nullable(),
  addendumNumber: z.number().int().nullable(),
  title: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  /** Section → pages of the issued file. */
  pageMap: z.array(z.object({ sectionId: Id.nullable(), title: z.string(), from: z.number().int(), to: z.number().int() })),
});
export type IssuedPack = z.infer<typeof IssuedPack>;

/** What a pack PDF carries (its attachments), read without saving. */
export const PackImportPreview = z.object({
  title: z.string(),
  date: z.string(),
  appVersion: z.string(),
  source: z.string(),
  meeting: MeetingProposal,
  contacts: z.array(ImportItem),
  briefing: z.object({ title: z.string(), sections: z.number().int(), versionLabel: z.string() }).nullable(),
  files: z.array(z.string()),
});
export type PackImportPreview = z.infer<typeof PackImportPreview>;
