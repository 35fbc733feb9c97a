/** Institutions and their units: a tree of organisations, departments and bodies. */
import { z } from 'zod';
import { Id, longText, text } from './common';

export const INSTITUTION_KINDS = [
  'un_agency',
  'financial_institution',
  'forum',
  'regional_organisation',
  'national_government',
  'social_partner',
  'ngo',
  'body',
  'department',
  'other',
] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);

export const InstitutionInput = z.object({
  name: text(300).min(1, 'An institution needs a name.'),
  acronym: text(40).default(''),
  kind: InstitutionKind.default('other'),
  parentId: Id.nullable().default(null),
  seat: text(200).default(''),
  website: text(500).default(''),
  profile: longText.default(''),
  topics: z.array(text(100).min(1)).max(50).default([]),
});
export type InstitutionInput = z.input<typeof InstitutionInput>;

export const Institution = z.object({
  id: Id,
  name: z.string(),
  acronym: z.string(),
  kind: InstitutionKind,
  parentId: Id.nullable(),
  seat: z.string(),
  website: z.string(),
  profile: z.string(),
  topics: z.array(z.string()),
  /** Names from the root down to this institution, e.g. ['ILO', 'Governing Body']. */
  path: z.array(z.string()),
  childCount: z.number().int(),
  contactCount: z.number().int(),
  updatedAt: z.string(),
});
export type Institution = z.infer<typeof Institution>;
