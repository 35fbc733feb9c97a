/** Operations on institutions and their units. */
import { z } from 'zod';
import { Id } from '../model/common';
import { Institution, InstitutionInput } from '../model/institution';
import { ById, Ok, op } from './op';

export const institutionOps = {
  'institution.list': op({
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.array(Institution),
    kind: 'read',
    doc: 'All institutions (tree order: parents before children), optionally filtered by name or acronym.',
  }),
  'institution.get': op({ input: ById, output: Institution, kind: 'read', doc: 'One institution with its path and counts.' }),
  'institution.create': op({ input: InstitutionInput, output: Institution, kind: 'write', doc: 'Create an institution or unit.' }),
  'institution.update': op({
    input: z.object({ id: Id, patch: InstitutionInput }),
    output: Institution,
    kind: 'write',
    doc: 'Replace an institution’s fields; moving it under one of its own units is refused.',
  }),
  'institution.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete an institution; its units move up to its parent, its contacts keep their data.' }),
  'institution.move': op({
    input: z.object({ id: Id, parentId: Id.nullable() }),
    output: Institution,
    kind: 'write',
    doc: 'Move an institution (with its units) under another parent, or to the top level (null); moving it under one of its own units is refused.',
  }),
} as const;
