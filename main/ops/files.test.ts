import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateTempDir, writeFileAtomic } from './files';

const mode = (p: string) => statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

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

describe.skipIf(!posix)('only the owner reads what Dossier writes', () => {
  it('a written file is 0600, whatever the file it replaces was', () => {
    const file = join(dir(), 'pack.pdf');
    writeFileSync(file, 'old', { mode: 0o644 });
    writeFileAtomic(file, Buffer.from('%PDF-new'));
    expect(mode(file)).toBe(0o600);
  });
});

describe.skipIf(!posix)('private files', () => {
  it('a temp folder for opened packs is per user and private, and a planted folder or link is never used', () => {
    const base = dir();
    const env = { XDG_RUNTIME_DIR: '' } as NodeJS.ProcessEnv;
    const uid = process.getuid!();
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = base;
    try {
      const first = privateTempDir('dossier-packs', env);
      expect(first).toBe(join(base, `dossier-packs-${uid}`));
      expect(mode(first)).toBe(0o700);
      expect(privateTempDir('dossier-packs', env)).toBe(first);

      // Another user (or program) got there first: a folder others can enter, or a link elsewhere.
      const open = join(base, `dossier-open-${uid}`);
      mkdirSync(open);
      chmodSync(open, 0o777);
      const instead = privateTempDir('dossier-open', env);
      expect(instead).not.toBe(open);
      expect(mode(instead)).toBe(0o700);
      const target = join(base, 'elsewhere');
      mkdirSync(target, { mode: 0o700 });
      symlinkSync(target, join(base, `dossier-link-${uid}`));
      const notLink = privateTempDir('dossier-link', env);
      expect(lstatSync(notLink).isSymbolicLink()).toBe(false);
      expect(notLink).not.toBe(join(base, `dossier-link-${uid}`));

      // A session's runtime folder is per user already: used as it is.
      const runtime = join(base, 'run');
      mkdirSync(runtime, { mode: 0o700 });
      expect(privateTempDir('dossier-packs', { XDG_RUNTIME_DIR: runtime })).toBe(join(runtime, 'dossier-packs'));
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
  });
});
