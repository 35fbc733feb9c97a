/**
 * The CLI bundle as `npm install` builds it, run in fresh processes: it must do what the TypeScript does, including
 * the parts that load pdfkit and libphonenumber on first use (scripts/build-cli.ts), and bin/dossier.js must pass
 * stdin through to `call`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build-cli';

// Inside the project, so the bundle resolves node_modules as .build/cli.mjs does.
const outDir = resolve(`.build/test-${process.pid}`);
const bundle = join(outDir, 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
const db = join(dir, 'dossier.db');
const run = (...args: string[]) => execFileSync(process.execPath, [bundle, '--db', db, ...args], { encoding: 'utf8' });

describe('the CLI bundle', () => {
  beforeAll(() => buildCli(bundle), 120_000);
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one JavaScript file that lists, imports (phone numbers) and builds a pack (pdfkit) as the sources do', () => {
    const code = readFileSync(bundle, 'utf8');
    // The heavy modules are not inside it: they load when first used.
    expect(code).not.toContain('PhoneNumberUtil.prototype');
    expect(code).not.toMatch(/class PDFDocument\b/);
    const inputs = JSON.parse(readFileSync(join(outDir, 'cli.inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('main/cli/run.ts');
    expect(inputs.every((p) => !p.startsWith('node_modules'))).toBe(true);

    run('demo');
    const institutions = JSON.parse(run('list', 'institutions', '--json')) as { acronym: string }[];
    expect(institutions.map((i) => i.acronym)).toContain('WPSDG');

    const card = join(dir, 'one.vcf');
    writeFileSync(card, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ingrid Halvorsen\r\nN:Halvorsen;Ingrid;;;\r\nTEL;TYPE=WORK:+47 22 24 90 90\r\nEND:VCARD\r\n');
    const imported = JSON.parse(run('import', card, '--json')) as { created: number[] };
    const contact = JSON.parse(run('show', 'contact', String(imported.created[0]), '--json')) as { phones: { e164: string | null }[] };
    expect(contact.phones[0]!.e164).toBe('+4722249090');
    // The import ran on the lane bundled beside the CLI (engine.ts), held to its budget.
    expect(readFileSync(join(outDir, 'ops-lane.mjs'), 'utf8')).toContain('afterWriteHooks');
    // A file large enough to be read on the import's reader thread, bundled beside the CLI too (main/ops/threads.ts).
    const many = join(dir, 'many.vcf');
    writeFileSync(many, Array.from({ length: 2500 }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person${i} Bundle\r\nN:Bundle;Person${i};;;\r\nEMAIL:p${i}@example.org\r\nEND:VCARD\r\n`).join(''));
    expect((JSON.parse(run('import', many, '--json')) as { created: number[] }).created).toHaveLength(2500);
    expect(readFileSync(join(outDir, 'ops-contact-reader.mjs'), 'utf8')).toContain('vCardRecords');

    const [meeting] = JSON.parse(run('list', 'meetings', '--when', 'upcoming', '--json')) as { id: number }[];
    const pack = JSON.parse(run('pack', String(meeting!.id), '--out', join(dir, 'pack.pdf'), '--date', '2026-03-02', '--json')) as { pages: number };
    expect(pack.pages).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('bin/dossier.js hands stdin to `call` and prints the result as JSON', () => {
    const r = spawnSync(process.execPath, [resolve('bin/dossier.js'), '--db', db, 'call', 'search.query', '-'], { input: '{"query":"halvorsen"}', encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ kind: 'contact', title: 'Ingrid Halvorsen' })]);
  }, 60_000);
});
