/** Dossiers for tests of ops and store: in memory, or a file in a fresh temp folder; the clock pinned. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpsContext } from './context';
import { openDossier } from './open';

export const TEST_NOW = new Date('2026-11-23T09:00:00Z');

export function testContext(now: Date = TEST_NOW): OpsContext {
  return openDossier({ path: ':memory:', now: () => now, writesFiles: true });
}

/** A dossier file `dossier.db` in a new temp folder (its dataDir, where backups go), for tests that need a real file. */
export function fileContext(now: Date | (() => Date) = TEST_NOW, opts: { prefix?: string; writesFiles?: boolean } = {}): OpsContext {
  const dir = mkdtempSync(join(tmpdir(), opts.prefix ?? 'dossier-test-'));
  return openDossier({ path: join(dir, 'dossier.db'), now: typeof now === 'function' ? now : () => now, writesFiles: opts.writesFiles ?? false });
}
