/**
 * The one operation table. Every operation the renderer (or the CLI, or a script over HTTP)
 * may ask for is declared here once: name → input schema, output schema, read/write, doc.
 * Electron IPC, the HTTP host and the CLI are all derived from this object; never list ops by hand.
 * Each noun declares its operations in contract/ops/<noun>.ts; this file puts them into the one table.
 */
import type { z } from 'zod';
import { backupOps } from './ops/backup';
import { briefingOps } from './ops/briefing';
import { contactOps } from './ops/contact';
import { institutionOps } from './ops/institution';
import { meetingOps } from './ops/meeting';
import { packOps } from './ops/pack';
import { snippetOps } from './ops/snippet';
import { systemOps } from './ops/system';
import { teamOps } from './ops/team';
import { identityOps } from './ops/identity';
import { commissionOps } from './ops/commission';
import { clearanceOps } from './ops/clearance';
import { commentOps } from './ops/comment';
import { historyOps } from './ops/history';

export type { OpKind, OpSpec } from './ops/op';

export const ops = {
  ...systemOps,
  ...institutionOps,
  ...contactOps,
  ...meetingOps,
  ...briefingOps,
  ...snippetOps,
  ...backupOps,
  ...packOps,
  ...teamOps,
  ...identityOps,
  ...commissionOps,
  ...clearanceOps,
  ...commentOps,
  ...historyOps,
} as const;

export type Ops = typeof ops;
export type OpName = keyof Ops;
/** What a caller passes (defaults optional). */
export type In<K extends OpName> = z.input<Ops[K]['input']>;
/** What a handler receives (defaults applied). */
export type Parsed<K extends OpName> = z.output<Ops[K]['input']>;
export type Out<K extends OpName> = z.output<Ops[K]['output']>;
export const opNames = Object.keys(ops) as OpName[];
export const isOpName = (name: string): name is OpName => Object.prototype.hasOwnProperty.call(ops, name);
/** Is this long work (OpSpec.long): run apart from the quick operations, with progress, cancellable? */
export const isLongOp = (name: string): boolean => isOpName(name) && (ops[name] as { long?: true }).long === true;
