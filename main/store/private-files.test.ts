import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivateDir, tighten } from './private-files';

const dir = () => mkdtempSync(join(tmpdir(), 'dossier-private-'));
const mode = (p: string) => statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('private folders', () => {
  it('creates missing folders 0700 and tightens only folders marked as Dossier’s own', () => {
    const d = dir();
    makePrivateDir(join(d, 'a', 'b'));
    expect(mode(join(d, 'a'))).toBe(0o700);
    expect(mode(join(d, 'a', 'b'))).toBe(0o700);
    const chosen = join(d, 'chosen');
    mkdirSync(chosen, { mode: 0o755 });
    chmodSync(chosen, 0o755);
    makePrivateDir(chosen);
    expect(mode(chosen)).toBe(0o755);
    makePrivateDir(chosen, true);
    expect(mode(chosen)).toBe(0o700);
    const f = join(d, 'f');
    writeFileSync(f, 'x', { mode: 0o644 });
    tighten(f);
    expect(mode(f)).toBe(0o600);
  });
});
