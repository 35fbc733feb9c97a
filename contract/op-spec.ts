/**
 * The shape of one entry of the operation table (contract/ops.ts). In a file of its own so that the per-noun
 * contract files can declare their operations without importing ops.ts, which imports them.
 */
import type { z } from 'zod';

export interface OpSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  kind: 'read' | 'write';
  doc: string;
}
export const op = <I extends z.ZodType, O extends z.ZodType>(spec: OpSpec<I, O>) => spec;
