import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './files';

const dir = () => mkdtempSync(join(tmpdir(), 'dossier-write-'));

describe('writeFileAtomic', () => {
  it('writes text as UTF-8', () => {
    const file = join(dir(), 'contacts.vcf');
    writeFileAtomic(file, 'FN:Zoë Ørsted\r\n');
    expect(readFileSync(file, 'utf8')).toBe('FN:Zoë Ørsted\r\n');
  });

  it('writes the bytes, replacing an older file, and leaves no temp file', () => {
    const d = dir();
    const file = join(d, 'pack.pdf');
    writeFileSync(file, 'old');
    writeFileAtomic(file, Buffer.from('%PDF-new'));
    expect(readFileSync(file, 'latin1')).toBe('%PDF-new');
    expect(readdirSync(d)).toEqual(['pack.pdf']);
  });

  it('leaves nothing behind when the rename fails (the target is a directory)', () => {
    const d = dir();
    mkdirSync(join(d, 'pack.pdf'));
    writeFileSync(join(d, 'pack.pdf', 'inside'), 'x');
    expect(() => writeFileAtomic(join(d, 'pack.pdf'), Buffer.from('%PDF'))).toThrow();
    expect(readdirSync(d)).toEqual(['pack.pdf']);
    expect(readdirSync(join(d, 'pack.pdf'))).toEqual(['inside']);
  });

  it('fails cleanly when the directory does not exist', () => {
    const d = dir();
    expect(() => writeFileAtomic(join(d, 'missing', 'pack.pdf'), Buffer.from('%PDF'))).toThrow(/ENOENT/);
    expect(readdirSync(d)).toEqual([]);
  });
});
