import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opNames } from '../../contract/ops';
import { TOKEN_HEADER } from '../../contract/security';
import { testContext } from '../ops/test-context';
import { type Host, startHost } from './http';

let host: Host;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

beforeAll(async () => {
  host = await startHost({ ctx: testContext(), log: () => {} });
});
afterAll(() => host.close());

describe('HTTP host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toContain(`#token=${host.token}`);
  });

  it('answers a contract operation with the launch token', async () => {
    const r = await post('/api/system.info', {});
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(true);
    expect(r.json.value.schemaVersion).toBeGreaterThan(0);
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await post('/api/system.info', {}, { [TOKEN_HEADER]: '' })).status).toBe(401);
    const wrong = await post('/api/system.info', {}, { [TOKEN_HEADER]: 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.field).toBe('token');
  });

  it('refuses a wrong Host header (403), as a DNS-rebinding page would send', async () => {
    const r = await post('/api/system.info', {}, { host: `evil.example:${host.port}` });
    expect(r.status).toBe(403);
    expect(r.json.error.field).toBe('host');
  });

  it('refuses a cross-site Origin (403)', async () => {
    const r = await post('/api/system.info', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
  });

  it('returns typed errors with the field at fault and the right status', async () => {
    const bad = await post('/api/contact.create', { givenName: '', familyName: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_input', field: 'familyName' });
    const missing = await post('/api/contact.get', { id: 999 });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    const unknown = await post('/api/nothing.here', {});
    expect(unknown.status).toBe(404);
    const notJson = await post('/api/system.info', undefined, {});
    expect(notJson.status).toBe(200);
  });

  it('has a route for every operation of the contract and no other', async () => {
    for (const name of opNames) {
      const r = await post(`/api/${name}`, {});
      // Every op is routed: it may reject the empty input, but never as an unknown operation.
      expect(r.json?.error?.field === 'op', name).toBe(false);
      expect(r.status, name).not.toBe(500);
    }
  });
});
