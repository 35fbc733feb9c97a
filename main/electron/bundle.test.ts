/**
 * The desktop app's shape, checked without the Electron binary (which this workplace cannot download): the bundles
 * scripts/build-electron.ts makes, run under Node. The window's process holds no database or PDF code; the operations
 * process opens the dossier, answers calls, sends long work's progress, and runs long work on its bundled lane.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron';

const OUT = resolve('.build/electron-test');

beforeAll(async () => {
  await buildElectron(OUT);
}, 120_000);

describe('the Electron bundles', () => {
  it('the main process bundle relays only: no database, no PDF, no operations in it', () => {
    const main = readFileSync(join(OUT, 'main.cjs'), 'utf8');
    expect(main).not.toMatch(/require\("better-sqlite3"\)|require\("pdfkit"\)/);
    expect(main).not.toContain('integrity_check');
    expect(main).toContain('utilityProcess');
  });

  it('the operations process opens the dossier, answers, reports progress and runs long work on its lane', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
    // Electron gives a utility process `process.parentPort`; a stand-in does the same here.
    const harness = join(dir, 'harness.cjs');
    writeFileSync(
      harness,
      `const { EventEmitter } = require('node:events');
       const port = new EventEmitter();
       const seen = [];
       process.parentPort = { on: (e, f) => port.on(e, f), postMessage: (m) => { seen.push(m); if (m.type === 'ready') go(); if (m.type === 'failed') done(); if (m.type === 'reply' && m.id === 4) done(); } };
       require(${JSON.stringify(join(OUT, 'ops-process.cjs'))});
       const { threadId } = require('node:worker_threads');
       port.emit('message', { data: { type: 'open', db: ${JSON.stringify(join(dir, 'dossier.db'))} } });
       function go() {
         port.emit('message', { data: { type: 'call', id: 1, name: 'system.loadDemo', input: {} } });
         port.emit('message', { data: { type: 'call', id: 2, name: 'meeting.list', input: { when: 'upcoming' } } });
         port.emit('message', { data: { type: 'call', id: 3, name: 'pack.build', input: { meetingId: 1, date: '2026-11-23' } } });
         const cards = Array.from({ length: 2500 }, (_, i) => 'BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Person' + i + ' Bundle\\r\\nEMAIL:p' + i + '@example.org\\r\\nEND:VCARD\\r\\n');
         port.emit('message', { data: { type: 'call', id: 4, name: 'contact.importCommit', input: { format: 'vcard', content: cards.join(''), fileName: 'many.vcf' } } });
       }
       function done() { process.stdout.write(JSON.stringify(seen)); process.exit(0); }`,
    );
    const r = spawnSync(process.execPath, [harness], { encoding: 'utf8', timeout: 90_000, env: { ...process.env, DOSSIER_DB: '' } });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout) as { type: string; id?: number; reply?: { ok: boolean; value?: { pages?: number; created?: number[] } }; progress?: { label: string } }[];
    expect(seen[0]).toEqual({ type: 'ready' });
    expect(seen.find((m) => m.id === 1 && m.type === 'reply')?.reply?.ok).toBe(true);
    expect(seen.find((m) => m.id === 3 && m.type === 'reply')?.reply).toMatchObject({ ok: true, value: { pages: expect.any(Number) } });
    // A file large enough for the import's reader thread, bundled beside the lane (main/ops/threads.ts).
    expect(seen.find((m) => m.id === 4 && m.type === 'reply')?.reply?.value?.created).toHaveLength(2500);
    expect(readFileSync(join(OUT, 'ops-contact-reader.cjs'), 'utf8')).toContain('vCardRecords');
    expect(seen.filter((m) => m.id === 3 && m.type === 'progress').map((m) => m.progress!.label)).toEqual(['Reading the dossier', 'Laying out the pages', 'Preparing the preview', 'Done']);
  }, 120_000);

  it('a refused dossier is reported to the main process, which tells the user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
    const notes = join(dir, 'notes.db');
    writeFileSync(notes, 'not a database');
    const harness = join(dir, 'harness.cjs');
    writeFileSync(
      harness,
      `const { EventEmitter } = require('node:events');
       const port = new EventEmitter();
       process.parentPort = { on: (e, f) => port.on(e, f), postMessage: (m) => { process.stdout.write(JSON.stringify(m)); process.exit(0); } };
       require(${JSON.stringify(join(OUT, 'ops-process.cjs'))});
       port.emit('message', { data: { type: 'open', db: ${JSON.stringify(notes)} } });`,
    );
    const r = spawnSync(process.execPath, [harness], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'failed', error: { code: 'not_dossier', message: expect.stringMatching(/not a Dossier database/) } });
    expect(readFileSync(notes, 'utf8')).toBe('not a database');
  }, 60_000);
});
