/** An in-memory dossier and a pinned clock for tests of ops and store. */
import { createDb } from '../store/db';
import type { OpsContext } from './context';

export const TEST_NOW = new Date('2026-11-23T09:00:00Z');

export function testContext(now: Date = TEST_NOW): OpsContext {
  return { db: createDb(), dbPath: ':memory:', dataDir: '/tmp', now: () => now, writesFiles: true };
}
