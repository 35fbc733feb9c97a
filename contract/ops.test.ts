import { expect, it } from 'vitest';
import { opNames, ops } from './ops';
import { backupOps } from './ops/backup';
import { briefingOps } from './ops/briefing';
import { contactOps } from './ops/contact';
import { institutionOps } from './ops/institution';
import { meetingOps } from './ops/meeting';
import { packOps } from './ops/pack';
import { snippetOps } from './ops/snippet';
import { systemOps } from './ops/system';
import { identityOps } from './ops/identity';
import { commissionOps } from './ops/commission';
import { clearanceOps } from './ops/clearance';
import { commentOps } from './ops/comment';
import { historyOps } from './ops/history';
import { teamOps } from './ops/team';

// The table is spread together from the nouns' parts; a name declared in two parts would silently keep only the last.
it('declares every operation in exactly one noun', () => {
  const parts = [systemOps, institutionOps, contactOps, meetingOps, briefingOps, snippetOps, backupOps, packOps, identityOps, commissionOps, clearanceOps, commentOps, historyOps, teamOps];
  const declared = parts.flatMap((p) => Object.keys(p));
  expect(declared.filter((name, i) => declared.indexOf(name) !== i)).toEqual([]);
  expect(opNames.length).toBe(declared.length);
});

it('gives every operation a one-line doc and a kind', () => {
  for (const name of opNames) {
    expect(ops[name].doc, name).toMatch(/^\S.*[.)]$/);
    expect(ops[name].doc, name).not.toContain('\n');
    expect(['read', 'write']).toContain(ops[name].kind);
  }
});

it('refuses a pack date that is no day of the calendar, and a pack of both or neither target', () => {
  expect(ops['pack.preflight'].input.safeParse({ briefingId: 1, date: '2026-02-29' }).success).toBe(false);
  expect(ops['pack.preflight'].input.safeParse({ briefingId: 1, date: '2028-02-29' }).success).toBe(true);
  for (const name of ['pack.build', 'pack.open', 'pack.preflight', 'pack.issue', 'pack.addendum'] as const) {
    expect(ops[name].input.safeParse({}).success, name).toBe(false);
    expect(ops[name].input.safeParse({ briefingId: 1, meetingId: 2 }).success, name).toBe(false);
    expect(ops[name].input.safeParse({ meetingId: 2 }).success, name).toBe(true);
  }
});
