import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const fixture = (path: string) => new URL(`../../formats/fixtures/${path}`, import.meta.url).pathname;
const contacts = async (db: string) => JSON.parse((await cli('--db', db, '--json', 'list', 'contacts')).out) as { id: number; displayName: string }[];

describe('dossier import / export of contacts', () => {
  it('exports vCard and CSV atomically; importing the export into an empty dossier gives the same contacts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-vcf-'));
    const [a, b, c] = [join(dir, 'a.db'), join(dir, 'b.db'), join(dir, 'c.db')];
    expect((await cli('--db', a, 'demo')).code).toBe(0);
    const vcf = join(dir, 'who.vcf');
    expect(await cli('--db', a, 'export', 'contacts', '--out', vcf)).toMatchObject({ code: 0, out: `Wrote 9 contacts to ${vcf}.` });
    expect(await cli('--db', a, 'export', 'contacts', '--format', 'csv', '--out', join(dir, 'who.csv'))).toMatchObject({ code: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(vcf, 'utf8')).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);

    const r = await cli('--db', b, '--json', 'import', vcf);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.counts).toEqual({ created: 9, updated: 0, skipped: 0, institutionsCreated: 6, rejected: 0 });
    expect(json.created).toHaveLength(9);
    expect((await contacts(b)).map((x) => x.displayName)).toEqual((await contacts(a)).map((x) => x.displayName));

    expect(await cli('--db', c, 'import', join(dir, 'who.csv'))).toMatchObject({ code: 0, out: 'Imported 9 contacts from who.csv; 6 new institutions.' });
    expect(await cli('--db', c, 'import', vcf)).toMatchObject({ code: 0, out: 'Imported 0 contacts from who.vcf, skipped 9 duplicates.' });
  });

  it('previews with --dry-run, reads pasted text files, and refuses a broken file with its line and exit status 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-vcf-'));
    const db = join(dir, 'x.db');
    expect((await cli('--db', db, 'demo')).code).toBe(0);
    const dry = await cli('--db', db, 'import', fixture('pages/en-ilo-global-advocacy.txt'), '--dry-run');
    expect(dry.out).toMatch(/Mr\. Thoralf Stenvold\s+ILO > MULTILATERALS\s+#\d+ \(same e-mail\)/);
    expect(dry.out).toContain('1 contact: 0 new, 1 duplicate, 0 new institutions. Nothing was saved (--dry-run).');
    const broken = await cli('--db', db, 'import', fixture('vcard/broken-middle.vcf'));
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('broken-middle.vcf, line 12');
    expect(await contacts(db)).toHaveLength(9);
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'Wer;Mail\nAna da Silva;ana@example.org\n');
    expect(await cli('--db', db, 'import', csv, '--map', 'Wer=fullName', '--map', 'Mail=email.work')).toMatchObject({ code: 0, out: 'Imported 1 contact from people.csv.' });
    expect((await cli('--db', db, 'import', join(dir, 'missing.vcf'))).code).toBe(1);
    expect((await cli('--db', db, 'import', csv, '--on-duplicate', 'merge')).code).toBe(2);
  });
});
