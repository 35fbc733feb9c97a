import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomic-file';

const dir = () => mkdtempSync(join(tmpdir(), 'dossier-write-'));

describe('writeFileAtomically', () => {
  it('writes the bytes, replacing an older file, and leaves no temp file', () => {
    const d = dir();
    const file = join(d, 'pack.pdf');
    writeFileSync(file, 'old');
    writeFileAtomically(file, Buffer.from('%PDF-new'));
    expect(readFileSync(file, 'latin1')).toBe('%PDF-new');
    expect(readdirSync(d)).toEqual(['pack.pdf']);
  });

  it('leaves nothing behind when the rename fails (the target is a directory)', () => {
    const d = dir();
    mkdirSync(join(d, 'pack.pdf'));
    writeFileSync(join(d, 'pack.pdf', 'inside'), 'x');
    expect(() => writeFileAtomically(join(d, 'pack.pdf'), Buffer.from('%PDF'))).toThrow();
    expect(readdirSync(d)).toEqual(['pack.pdf']);
    expect(readdirSync(join(d, 'pack.pdf'))).toEqual(['inside']);
  });

  it('fails cleanly when the directory does not exist', () => {
    const d = dir();
    expect(() => writeFileAtomically(join(d, 'missing', 'pack.pdf'), Buffer.from('%PDF'))).toThrow(/ENOENT/);
    expect(readdirSync(d)).toEqual([]);
  });
});
