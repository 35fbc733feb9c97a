import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../contract/security';
import { openDossier } from '../ops/open';
import { integrityCheck, openDb } from '../store/db';
import { contentSha, startWriter } from '../../scripts/durability';
import { startHost } from './http';

/** A calendar of `n` meetings: importing it is one long write transaction in the CLI process. */
function bigCalendar(n: number): string {
  const events = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2031, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    return [
      'BEGIN:VEVENT',
      `UID:two-writers-${i}@example.org`,
      `DTSTAMP:20260101T000000Z`,
      `DTSTART:${d}T090000Z`,
      `DTEND:${d}T110000Z`,
      `SUMMARY:Imported consultation ${i}`,
      `LOCATION:Geneva`,
      `DESCRIPTION:Item 1: Opening\\nItem 2: Employment policy ${'x'.repeat(200)}\\nItem 3: Any other business`,
      'END:VEVENT',
    ].join('\r\n');
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dossier tests//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', resolve('main/cli/dossier.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (err += c));
    p.on('exit', (code) => done({ code, out, err }));
  });
}

describe('two writers on one file: the app (host) and the CLI at once', () => {
  it('an import and a loop of writes from other processes while the app edits: no "database is locked", every write lands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-two-writers-'));
    const dbPath = join(dir, 'dossier.db');
    const ics = join(dir, 'big.ics');
    writeFileSync(ics, bigCalendar(400));
    const ctx = openDossier({ path: dbPath });
    const host = await startHost({ ctx, log: () => {} });
    const post = (op: string, body: unknown) =>
      new Promise<{ status: number; json: { ok: boolean; error?: { message: string } } }>((ok, fail) => {
        const req = request(
          { host: '127.0.0.1', port: host.port, path: `/api/${op}`, method: 'POST', headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token } },
          (res) => {
            let t = '';
            res.on('data', (c) => (t += c));
            res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(t) }));
          },
        );
        req.on('error', fail);
        req.end(JSON.stringify(body));
      });

    // Second process: the CLI writing one contact per transaction, as a script would.
    let loopAcks = 0;
    const acked = new Map<number, string>(); // id → sha of its last acknowledged content
    const loop = startWriter(
      dbPath,
      (l) => {
        const [kind, id, sha] = l.split(' ');
        if (kind !== 'ACK') return;
        loopAcks++;
        acked.set(Number(id), sha!);
      },
      ['--prefix', 'CLI', '--count', '150'],
    );
    const loopDone = new Promise<number | null>((r) => loop.once('exit', r));
    // Third process: the CLI importing a calendar, one long transaction.
    const importing = run(['--db', dbPath, '--json', 'import', ics, '--zone', 'Europe/Zurich']);

    // Meanwhile the app keeps editing.
    const failures: string[] = [];
    let appWrites = 0;
    let cliFinished = false;
    void Promise.all([importing, loopDone]).then(() => (cliFinished = true));
    // Keep editing until both CLI processes are done (however slowly they start on a busy machine), so the
    // writes really overlap; bounded in count and time.
    const until = Date.now() + 150_000;
    for (let i = 0; i < 5000 && Date.now() < until && !(cliFinished && i >= 60); i++) {
      const r = await post('contact.create', { givenName: `APP${i}`, familyName: 'Editor', notes: `edited while the CLI writes ${i}` });
      if (r.status !== 200 || !r.json.ok) failures.push(`${r.status} ${r.json.error?.message}`);
      else appWrites++;
    }
    const imp = await importing;
    const loopCode = await loopDone;
    await host.close();

    expect(failures).toEqual([]);
    expect(imp.err).not.toMatch(/locked|busy/i);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out).created).toHaveLength(400);
    expect(loopCode).toBe(0);
    expect((loop as unknown as { errText?: string }).errText ?? '').not.toMatch(/locked|busy/i);
    expect(loopAcks).toBe(150);

    const db = openDb(dbPath);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT count(*) AS n FROM contacts WHERE given_name LIKE 'APP%'`)).toBe(appWrites);
    // The loop updates some of its own contacts again, so it owns fewer rows than it made writes; each holds its last write.
    expect(count(`SELECT count(*) AS n FROM contacts WHERE given_name LIKE 'CLI%'`)).toBe(acked.size);
    const row = db.prepare('SELECT given_name AS g, family_name AS f, notes AS n FROM contacts WHERE id = ?');
    for (const [id, sha] of acked) {
      const r = row.get(id) as { g: string; f: string; n: string };
      expect(contentSha(r.g, r.f, r.n)).toBe(sha);
    }
    expect(count(`SELECT count(*) AS n FROM meetings WHERE title LIKE 'Imported consultation %'`)).toBe(400);
    // The two processes really wrote at the same time: their rows interleave.
    const span = (p: string) => db.prepare(`SELECT min(id) AS lo, max(id) AS hi FROM contacts WHERE given_name LIKE '${p}%'`).get() as { lo: number; hi: number };
    const [app, cli] = [span('APP'), span('CLI')];
    expect(cli.lo < app.hi && app.lo < cli.hi).toBe(true);
    expect(integrityCheck(db)).toEqual(['ok']);
    db.close();
    ctx.db.close();
  }, 180_000);
});
