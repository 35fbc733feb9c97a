/** Operations on institutions and their units. */
import { z } from 'zod';
import { Id } from '../model/common';
import { Institution, InstitutionInput } from '../model/institution';
import { ById, ByIdPatch, Ok, op } from './op';

export const institutionOps = {
  'institution.list': op({
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.array(Institution),
    kind: 'read',
    doc: 'All institutions (tree order: parents before children), optionally filtered by name or acronym.',
  }),
  'institution.tree': op({
    input: z.object({
      /** Nodes whose units are shown. */
      expanded: z.array(Id).max(10_000).default([]),
      /** A node to bring into view: its ancestors are expanded too, and its row index comes back. */
      reveal: Id.nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      total: z.number().int(),
      rows: z.array(z.object({ node: Institution, posInSet: z.number().int(), setSize: z.number().int() })),
      expanded: z.array(Id),
      revealIndex: z.number().int().nullable(),
    }),
    kind: 'read',
    doc: 'A page of the institution tree as the screen shows it: the top level and the units of the expanded nodes, in tree order, with each row’s place among its siblings.',
  }),
  'institution.get': op({ input: ById, output: Institution, kind: 'read', doc: 'One institution with its path and counts.' }),
  'institution.create': op({ input: InstitutionInput, output: Institution, kind: 'write', doc: 'Create an institution or unit.' }),
  'institution.update': op({ input: ByIdPatch(InstitutionInput), output: Institution, kind: 'write', doc: 'Replace an institution’s fields; moving it under one of its own units is refused.' }),
  'institution.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete an institution; its units move up to its parent, its contacts keep their data.' }),
  'institution.move': op({
    input: z.object({ id: Id, parentId: Id.nullable() }),
    output: Institution,
    kind: 'write',
    doc: 'Move an institution (with its units) under another parent, or to the top level (null); moving it under one of its own units is refused.',
  }),
} as const;
