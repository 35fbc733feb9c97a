import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runDurability } from '../../scripts/durability';

// The short form of `npm run test:durability` (100 kills): a writer process killed with SIGKILL at random moments.
describe('durability: every acknowledged write survives a killed process', () => {
  it('5 kills: nothing lost, integrity ok', async () => {
    const fig = await runDurability({ kills: 5, minMs: 100, maxMs: 500 });
    expect(fig.kills).toBe(5);
    expect(fig.acknowledged).toBeGreaterThan(0);
    expect(fig.problems).toEqual([]);
    expect(fig.lost).toBe(0);
    expect(fig.integrityFailures).toBe(0);
  }, 120_000);

  it('the check itself catches a lost write', async () => {
    const fig = await runDurability({
      kills: 1,
      minMs: 300,
      maxMs: 400,
      tamper: (dbPath, ids) => {
        const db = new Database(dbPath);
        db.prepare('DELETE FROM contacts WHERE id = ?').run(ids[0]);
        db.close();
      },
    });
    expect(fig.acknowledged).toBeGreaterThan(0);
    expect(fig.lost).toBe(1);
  }, 60_000);
});
