import fc from 'fast-check';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../contract/errors';
import { type OpName, opNames, ops } from '../../contract/ops';
import { TOKEN_HEADER } from '../../contract/security';
import type { OpsContext } from '../ops/context';
import { dispatch } from '../ops/index';
import { integrityCheck } from '../store/db';
import { TEST_NOW, fileContext } from '../ops/test-context';
import { type Host, startHost } from './http';

/**
 * Property: whatever JSON reaches any operation through the real HTTP host, the answer is a success or a typed
 * error (400/404/409 with a known code), never a crash or a 500, and the database stays sound.
 * FUZZ_RUNS=1000 npx vitest run main/host/fuzz.test.ts for a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const TYPED: ErrorCode[] = ['invalid_input', 'not_found', 'conflict', 'schema_too_new', 'not_dossier'];

let host: Host;
let ctx: OpsContext;
const internalErrors: string[] = [];

function post(op: string, body: string): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${op}`, method: 'POST', headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const PAYLOADS = ['<img src=x onerror=window.__pwned=1>', '<script>alert(1)</script>', 'javascript:alert(1)', "'; DROP TABLE contacts; --", '"><svg onload=alert(1)>', '\u0000', '💥'.repeat(50), 'a'.repeat(5000)];
const DATES = ['2026-11-23', '2026-02-30', '2031-01-01T09:00', '2031-13-01T25:61', '0000-00-00', 'Europe/Zurich', 'Mars/Olympus_Mons', 'en', 'xx', 'UTC', '', ' '];

/** A value of any kind, biased towards what the schemas almost accept: ids that exist, ids that don't, near-miss strings. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 40 }) },
  fc.constantFrom(0, -0, 1.5, 2 ** 53, 1e300, Number.MAX_SAFE_INTEGER + 2),
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  fc.string({ unit: 'binary', maxLength: 30 }),
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -1, max: 40 }), { maxLength: 6 }),
  fc.array(fc.record({ label: fc.string({ maxLength: 10 }), value: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('a@b.org', '+41 22 799 61 11')) }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Inputs for one op: half wholly random JSON, half objects with the op's own keys holding random values. */
function inputs(name: OpName): fc.Arbitrary<unknown> {
  const shape = (ops[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape).filter((k) => !(name === 'pack.build' && k === 'out')); // see below
  const shaped = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped, shaped.map((o) => ({ ...o, extra: '<b>unexpected</b>' })));
}

beforeAll(async () => {
  ctx = fileContext(TEST_NOW, { prefix: 'dossier-fuzz-' });
  await dispatch(ctx, 'system.loadDemo', {});
  const b = await dispatch(ctx, 'briefing.create', { meetingId: (await dispatch(ctx, 'meeting.list', {}))[0]!.id, title: 'Fuzz brief' });
  await dispatch(ctx, 'version.save', { briefingId: b.id });
  host = await startHost({ ctx, log: (m, e) => internalErrors.push(`${m} ${e instanceof Error ? e.stack : String(e)}`) });
});
afterAll(async () => {
  await host.close();
  ctx.db.close();
});

const runs: Record<string, number> = {};

describe('fuzzing every contract operation through the HTTP host', () => {
  for (const name of opNames) {
    it(`${name}: random input gets a success or a typed error, never a 500`, async () => {
      runs[name] = 0;
      await fc.assert(
        fc.asyncProperty(inputs(name), async (input) => {
          runs[name]!++;
          const before = internalErrors.length;
          const r = await post(name, JSON.stringify(input));
          const what = `${name} ${JSON.stringify(input).slice(0, 300)} → ${r.status} ${JSON.stringify(r.json).slice(0, 300)} ${internalErrors.slice(before).join('\n').slice(0, 1500)}`;
          expect([200, 400, 404, 409], what).toContain(r.status);
          if (r.status === 200) expect(r.json.ok, what).toBe(true);
          else expect(TYPED, what).toContain(r.json.error?.code);
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }

  it('the database passes integrity_check after all of it, and the host still answers', async () => {
    expect(integrityCheck(ctx.db)).toEqual(['ok']);
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
    expect((await post('system.check', '{}')).json).toMatchObject({ ok: true, value: { ok: true } });
    expect(internalErrors).toEqual([]);
    console.log(`fuzz: ${Object.keys(runs).length} ops × ${RUNS} runs = ${Object.values(runs).reduce((a, b) => a + b, 0)} requests`);
  });
});

describe('the host lets nobody else in', () => {
  const raw = (headers: Record<string, string>, path = '/api/system.info', method = 'POST') =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });
  const own = () => ({ host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token });

  it('is not reachable on any other interface of the machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const sock = connect({ host: address, port: host.port });
        sock.once('connect', () => (sock.destroy(), resolve(false)));
        sock.once('error', () => resolve(true));
      });
      expect(refused, address).toBe(true);
    }
  });

  it('checks Host, Origin and token on every request, pages included', async () => {
    expect(await raw(own())).toBe(200);
    expect(await raw({ ...own(), host: `localhost:${host.port}` })).toBe(200);
    expect(await raw({ ...own(), origin: `http://127.0.0.1:${host.port}` })).toBe(200);
    for (const h of [`evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `[::1]:${host.port}`, `127.0.0.1.nip.io:${host.port}`]) expect(await raw({ ...own(), host: h }), h).toBe(403);
    expect(await raw({ ...own(), host: `evil.example:${host.port}` }, '/index.html', 'GET')).toBe(403);
    for (const o of ['null', 'http://evil.example', `http://localhost:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) expect(await raw({ ...own(), origin: o }), o).toBe(403);
    expect(await raw({ ...own(), [TOKEN_HEADER]: host.token.slice(0, -1) })).toBe(401);
    expect(await raw({ ...own(), [TOKEN_HEADER]: host.token + 'x' })).toBe(401);
    expect(await raw({ host: own().host }, `/api/system.info?token=${host.token}`)).toBe(401);
    expect(await raw(own(), '/api/system.info', 'GET')).toBe(405);
  });
});

// pack.build's `out` is a path the main process writes to; fuzzing it would scatter files over the disk (see the
// issue 8 report: a path from the page should not be accepted by the host at all).
