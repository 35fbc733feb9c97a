/**
 * Responsiveness benchmark (issue 15): while a 100,000-contact import runs through the browser host, how fast does
 * `system.info` answer? Measured with long work on its own lane (engine.ts, as `dossier serve` and the desktop app run)
 * and, as the baseline in the same run, with every operation in the host's one thread (as before issue 15).
 * `npm run bench -- responsive` (BENCH_RESPONSIVE=20000 for a quicker run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TOKEN_HEADER } from '../contract/security';
import { writeVCards } from '../main/formats/vcard-write';
import { type Host, startHost } from '../main/host/http';
import { startEngine } from '../main/ops/engine';
import { openDb } from '../main/store/db';
import { generateContacts } from './contacts';

export function post(host: Host, op: string, body: unknown): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: unknown } }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${op}`, method: 'POST', headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export interface Responsiveness {
  /** system.info round trips (ms) before the import, as a baseline. */
  idle: number[];
  /** system.info round trips (ms) of the calls sent while the import was running. */
  during: number[];
  importMs: number;
  created: number;
}

/** Imports `content` (a vCard file) through a fresh host and calls system.info back to back until the import answers. */
export async function measure(content: string, lanes: boolean): Promise<Responsiveness> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-responsive-'));
  const dbPath = join(dir, 'dossier.db');
  const ctx = { db: openDb(dbPath), dbPath, dataDir: dir, now: () => new Date() };
  const engine = await startEngine(ctx, { lanes });
  const host = await startHost({ ctx, engine, log: () => {} });
  const timed = async () => {
    const t = performance.now();
    const r = await post(host, 'system.info', {});
    if (!r.json.ok) throw new Error(`system.info failed: ${JSON.stringify(r.json)}`);
    return performance.now() - t;
  };
  try {
    // Wake the lane first (its start-up is not the import's), then take the idle baseline.
    await post(host, 'system.check', {});
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await timed());
    let finished = false;
    const started = performance.now();
    const importing = post(host, 'contact.importCommit', { format: 'vcard', content, fileName: 'contacts.vcf' }).then((r) => {
      finished = true;
      return r;
    });
    // As a window would: a call every 10 ms, each waiting for its answer; every call sent while the import runs counts,
    // the one that waits for the import's end included.
    const during: number[] = [];
    while (!finished) {
      during.push(await timed());
      await new Promise((r) => setTimeout(r, 10));
    }
    const r = await importing;
    if (!r.json.ok) throw new Error(`the import failed: ${JSON.stringify(r.json.error)}`);
    return { idle, during, importMs: performance.now() - started, created: (r.json.value as { created: number[] }).created.length };
  } finally {
    await host.close();
    await engine.close();
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(1)} ms`);

export async function benchResponsive(): Promise<string[]> {
  const n = Number(process.env.BENCH_RESPONSIVE ?? 100_000);
  const content = writeVCards(generateContacts(n));
  const lane = await measure(content, true);
  const one = await measure(content, false);
  // In one thread the import holds the thread: a call sent meanwhile answers when it ends.
  const oneWorst = pct(one.during, 100);
  const p95 = pct(lane.during, 95);
  return [
    `responsive: system.info while ${n.toLocaleString('en')} contacts import through the host (import ${(lane.importMs / 1000).toFixed(1)} s, ${lane.created.toLocaleString('en')} created)`,
    `  long work on its own lane:  p50 ${ms(pct(lane.during, 50))}, p95 ${ms(p95)}, max ${ms(pct(lane.during, 100))} over ${lane.during.length} calls (idle p95 ${ms(pct(lane.idle, 95))})`,
    `  everything in one thread:   p50 ${ms(pct(one.during, 50))}, p95 ${ms(pct(one.during, 95))}, max ${ms(oneWorst)} over ${one.during.length} calls (the import took ${(one.importMs / 1000).toFixed(1)} s)`,
    `  target: p95 during the import under 100 ms and under 1/20 of the one-thread wait — ${p95 < 100 && p95 * 20 < oneWorst ? 'met' : 'MISSED'}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) for (const line of await benchResponsive()) console.log(line);
