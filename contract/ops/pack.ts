/** Operations on packs: build and open, pre-flight, issue and addenda, and packs read back as data carriers. */
import { z } from 'zod';
import { CalendarDay, Id } from '../model/common';
import { IssuedPack, PackImportPreview, PackVariant, PreflightFinding, ReleaseReport } from '../model/pack';
import { ById, Ok, op } from './op';
import { ImportResolution } from './contact';

// Release-grade packs: the pack of a briefing (or of a meeting's latest briefing), a variant, a numbered copy.
const PackTarget = {
  briefingId: Id.optional(),
  /** A meeting's pack: its most recently changed briefing, or the generated sections if it has none. */
  meetingId: Id.optional(),
};
/** A pack is of a briefing or of a meeting: exactly one of the two ids. */
const oneTarget = (i: { briefingId?: number | undefined; meetingId?: number | undefined }) => (i.briefingId === undefined) !== (i.meetingId === undefined);
const ONE_TARGET = { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] };
/** Only absolute .pdf paths, so a stray value can never overwrite some other file. */
const OutPdf = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\).*\.pdf$/i, 'Give the absolute path of a .pdf file.')
  .optional();
const VariantInput = {
  /** Default 'full'. */
  variant: PackVariant.optional(),
  /** "Copy 3 of 7 — for J. Smith" on every page. */
  copy: z
    .object({
      number: z.number().int().min(1, 'Copies are numbered from 1.').max(9999).optional(),
      of: z.number().int().min(1).max(9999).optional(),
      recipient: z.string().trim().max(200).default(''),
    })
    .refine((c) => c.number === undefined || c.of === undefined || c.number <= c.of, { message: 'The copy number is higher than the number of copies.', path: ['number'] })
    .optional(),
  /** A lower marking for a releasable or run-book variant, if the user decides it may carry one. */
  releaseClassification: z.string().trim().max(100).optional(),
  /** Print the people's postal addresses on the who's who cards (issue 17); off by default, addresses are personal data. */
  addresses: z.boolean().optional(),
};
const IssuedFile = IssuedPack.extend({ file: z.string().nullable(), bytesBase64: z.string().optional() });

export const packOps = {
  'pack.importPreview': op({
    input: z.object({ contentBase64: z.string().max(300_000_000), fileName: z.string().trim().min(1).max(500).default('pack.pdf') }),
    output: PackImportPreview,
    kind: 'read',
    long: true,
    doc: 'Read the meeting (.ics), who’s who (.vcf) and briefing (.json) a Dossier pack PDF carries, without saving.',
  }),
  'pack.import': op({
    input: z.object({
      contentBase64: z.string().max(300_000_000),
      fileName: z.string().trim().min(1).max(500).default('pack.pdf'),
      resolution: ImportResolution.default('skip'),
    }),
    output: z.object({ meetingId: Id, briefingId: Id.nullable(), created: z.array(Id), updated: z.array(Id), skipped: z.number().int(), source: z.string() }),
    kind: 'write',
    long: true,
    doc: 'Import what a Dossier pack PDF carries, all or nothing: the meeting with its agenda, the who’s who contacts (duplicates skipped, updated or kept both) and the briefing.',
  }),

  // ----- packs -----
  'pack.build': op({
    input: z
      .object({
        ...PackTarget,
        /**
         * Absolute path of the .pdf to write (atomically); without it the PDF comes back as base64, e.g. for the
         * in-app preview. Only absolute .pdf paths, so a stray value can never overwrite some other file.
         */
        out: OutPdf,
        /** Date printed on the pack and used for every timestamp in the file; default today. Same date, same bytes. */
        date: CalendarDay.optional(),
        pdfa: z.boolean().default(false),
        ...VariantInput,
      })
      .refine(oneTarget, ONE_TARGET),
    output: z.object({
      file: z.string().nullable(),
      pages: z.number().int(),
      ms: z.number(),
      size: z.number().int(),
      sha256: z.string(),
      toc: z.array(z.object({ title: z.string(), page: z.number().int() })),
      bytesBase64: z.string().optional(),
      /** What the variant left out, and the marking it carries. */
      report: ReleaseReport,
    }),
    // A read: it never changes the dossier (with `out` it writes a file outside it).
    kind: 'read',
    long: true,
    doc: 'Build the delegation briefing pack (PDF) of a briefing or meeting; write it to `out`, or return it as base64.',
  }),
  'pack.open': op({
    input: z
      .object({
        ...PackTarget,
        date: CalendarDay.optional(),
        pdfa: z.boolean().default(false),
        ...VariantInput,
      })
      .refine(oneTarget, ONE_TARGET),
    output: z.object({ file: z.string(), pages: z.number().int(), size: z.number().int(), ms: z.number() }),
    // A read: it never changes the dossier (it writes a temp file outside it).
    kind: 'read',
    long: true,
    doc: 'Build the pack into a temp file and open it in the system’s PDF viewer (desktop app only; elsewhere a not_found error with details.unsupported = "openPath").',
  }),

  // ----- release: pre-flight, issue, addenda -----
  'pack.preflight': op({
    input: z.object({ ...PackTarget, date: CalendarDay.optional() }).refine(oneTarget, ONE_TARGET),
    output: z.object({ briefingId: Id.nullable(), findings: z.array(PreflightFinding), sides: z.object({ written: z.number().int(), limit: z.number().int() }).nullable() }),
    kind: 'read',
    long: true,
    doc: 'Check a pack before export: stale contacts, empty agenda briefs, length budgets, unchanged lines, characters the font lacks, TODO markers.',
  }),
  'pack.preflightDecide': op({
    input: z.object({ briefingId: Id, key: z.string().min(1).max(500), decision: z.enum(['accept', 'flag']).nullable() }),
    output: Ok,
    kind: 'write',
    doc: 'Remember for this briefing that a pre-flight finding is accepted, or is to be printed flagged “to check” (null: open again).',
  }),
  'pack.issue': op({
    input: z
      .object({ ...PackTarget, variant: PackVariant.default('full'), date: CalendarDay.optional(), out: OutPdf, newEdition: z.boolean().default(false) })
      .refine(oneTarget, ONE_TARGET),
    output: IssuedFile,
    kind: 'write',
    long: true,
    doc: 'Issue a pack: build it and freeze its PDF, SHA-256, page map and a snapshot of the briefing; a second issue needs newEdition (edition 2, …).',
  }),
  'pack.addendum': op({
    input: z
      .object({ ...PackTarget, variant: PackVariant.default('full'), date: CalendarDay.optional(), out: OutPdf })
      .refine(oneTarget, ONE_TARGET),
    output: IssuedFile.extend({ changed: z.array(z.string()) }),
    kind: 'write',
    long: true,
    doc: 'Issue the next addendum to the latest issued pack: only the sections changed since, word-diffed against the text that went out.',
  }),
  'pack.issued': op({
    input: z.object({ meetingId: Id }),
    output: z.array(IssuedPack.extend({ briefingTitle: z.string() })),
    kind: 'read',
    doc: 'The issued packs and addenda of a meeting’s briefings, each edition followed by its addenda.',
  }),
  'pack.issuedPdf': op({
    input: ById,
    output: z.object({ fileName: z.string(), sha256: z.string(), bytesBase64: z.string() }),
    kind: 'read',
    doc: 'The stored PDF of an issued pack or addendum, exactly as issued.',
  }),
} as const;
