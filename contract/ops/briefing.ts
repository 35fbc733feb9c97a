/** Operations on briefings: the briefing, its sections and their budgets, and its saved versions. */
import { z } from 'zod';
import { Id } from '../model/common';
import { BRIEFING_STATUSES, Briefing, BriefingComparison, BriefingDetail, BriefingInput, BriefingPatch, BriefingVersion, GeneratedSection, HandlingMark, Section, SectionKind } from '../model/briefing';
import { ById, Ok, op } from './op';

export const briefingOps = {
  'briefing.list': op({
    input: z.object({ meetingId: Id.nullable().default(null) }),
    output: z.array(Briefing),
    kind: 'read',
    doc: 'Briefings, most recently changed first.',
  }),
  'briefing.get': op({ input: ById, output: BriefingDetail, kind: 'read', doc: 'A briefing with its sections in order.' }),
  'briefing.create': op({
    input: BriefingInput.extend({ template: z.enum(['standard', 'empty']).default('standard') }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Create a briefing for a meeting, with the sections of the standard delegation brief or none.',
  }),
  'briefing.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a briefing with its sections and versions.' }),
  'briefing.update': op({
    input: z.object({ id: Id, patch: BriefingPatch }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Change a briefing’s title, classification, language, owner or deadline; refused while it is final.',
  }),
  'briefing.setStatus': op({
    input: z.object({ id: Id, status: z.enum(BRIEFING_STATUSES) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Move a briefing between draft, in review and final (final → draft reopens it); saves a version of the new state.',
  }),
  'briefing.preview': op({
    input: ById,
    output: z.array(z.object({ sectionId: Id, data: GeneratedSection })),
    kind: 'read',
    doc: 'What each generated section of the briefing shows now, drawn from the store exactly as the pack draws it.',
  }),
  'section.add': op({
    input: z.object({ briefingId: Id, kind: SectionKind, title: z.string().trim().max(300).default(''), afterId: Id.nullable().default(null) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Add an empty section of a kind, after the given section or at the end.',
  }),
  'section.update': op({
    input: z.object({
      id: Id,
      title: z.string().trim().min(1, 'A section needs a title.').max(300).optional(),
      content: z.string().max(200_000).optional(),
      handling: HandlingMark.optional(),
    }),
    output: Section,
    kind: 'write',
    doc: 'Save a section’s title, content (Markdown, or the JSON of a structured kind) or handling mark; refused while the briefing is final.',
  }),
  'section.remove': op({ input: ById, output: BriefingDetail, kind: 'write', doc: 'Remove a section (its text stays in the saved versions).' }),
  'section.reorder': op({
    input: z.object({ briefingId: Id, ids: z.array(Id).max(500) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Put the briefing’s sections in the given order (all ids, each once).',
  }),
  'version.save': op({
    input: z.object({ briefingId: Id, name: z.string().trim().max(200).default('') }),
    output: BriefingVersion,
    kind: 'write',
    doc: 'Save the briefing as it is now as a numbered, optionally named version.',
  }),
  'version.list': op({ input: z.object({ briefingId: Id }), output: z.array(BriefingVersion), kind: 'read', doc: 'The briefing’s saved versions, newest first.' }),
  'version.get': op({
    input: ById,
    output: BriefingVersion.extend({ snapshot: BriefingDetail }),
    kind: 'read',
    doc: 'One saved version with the briefing and sections as they were.',
  }),
  'version.compare': op({
    input: z.object({ briefingId: Id, from: Id, to: Id.nullable().default(null) }),
    output: BriefingComparison,
    kind: 'read',
    doc: 'Compare a saved version with another (or with the current state when `to` is null), section by section, word by word.',
  }),
  'version.restore': op({
    input: ById,
    output: BriefingDetail,
    kind: 'write',
    doc: 'Bring back a version’s content as the current state, after saving the current state as a version; nothing is overwritten.',
  }),
  'section.setBudget': op({
    input: z.object({ id: Id, words: z.number().int().min(1).max(100_000).nullable(), pages: z.number().int().min(1).max(500).nullable() }),
    output: Ok,
    kind: 'write',
    doc: 'Set (or clear with null) a section’s length budget in words and in pages, checked by pre-flight.',
  }),
} as const;
