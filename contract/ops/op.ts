/** The shape of one operation and the small schemas many operations share. */
import { z } from 'zod';
import { Id } from '../model/common';

/** A read changes nothing; a write runs in one transaction. */
export type OpKind = 'read' | 'write';

/** One operation: what it takes, what it gives, whether it changes the dossier, and one line saying what it does. */
export interface OpSpec<I extends z.ZodType, O extends z.ZodType, K extends OpKind = OpKind> {
  input: I;
  output: O;
  /**
   * 'write' if the op may change the dossier: dispatch runs it in the write transaction and the renderer refreshes
   * its lists after it. 'read' if it never does (files it writes outside the dossier, a pack or a backup, don't count).
   */
  kind: K;
  doc: string;
  /**
   * Long work (imports, exports, packs, backups): it runs apart from every other operation, so the app keeps answering
   * meanwhile, reports progress, and stops when the caller cancels, leaving nothing half done.
   */
  long?: true;
}
export const op = <I extends z.ZodType, O extends z.ZodType, K extends OpKind>(spec: OpSpec<I, O, K>) => spec;

export const ById = z.object({ id: Id });
export const Ok = z.object({ ok: z.literal(true) });
/** One page of a long list, with the total for paging. */
export const Page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
