/** History per section: who changed what and when (issue 20). */
import { z } from 'zod';
import { op } from './op';
import { Id } from '../model/common';
import { SectionChange } from '../model/history';

export const historyOps = {
  'section.history': op({
    input: z.object({ id: Id }),
    output: z.array(SectionChange),
    kind: 'read',
    doc: 'Who changed a section, what and when, newest first.',
  }),
} as const;
