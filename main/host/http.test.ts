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

describe('HTTP host: hostile requests get an answer, not a crash', () => {
  /** A raw request whose body is sent in chunks as fast as the socket takes them. */
  function send(path: string, body: Buffer | null, headers: Record<string, string | number> = {}, to: Host = host) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: to.port, path, method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', host: `127.0.0.1:${to.port}`, [TOKEN_HEADER]: to.token, ...headers } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      if (body) req.end(body);
      else req.end();
    });
  }

  it('a malformed %-escape in the path is a 400, for the API and for pages', async () => {
    for (const path of ['/api/system.info%E0%A4%A', '/api/%', '/api/%zz']) {
      const r = await send(path, Buffer.from('{}'));
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.text).error).toMatchObject({ code: 'invalid_input', field: 'path' });
    }
    const withPages = await startHost({ ctx: testContext(), staticDir: '/nonexistent-dir', log: () => {} });
    try {
      for (const path of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/%zz']) expect((await send(path, null, {}, withPages)).status, path).toBe(400);
    } finally {
      await withPages.close();
    }
  });

  it('an oversized body gets its 413 before the socket closes, declared or not, and the host keeps answering', async () => {
    const small = await startHost({ ctx: testContext(), log: () => {}, maxBodyBytes: 64 * 1024 });
    try {
      const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
      const declared = await send('/api/system.info', big, {}, small);
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.text).error.message).toMatch(/too large/);
      const chunked = await send('/api/system.info', big, { 'transfer-encoding': 'chunked' }, small);
      expect(chunked.status).toBe(413);
      expect((await send('/api/system.info', Buffer.from('{}'), {}, small)).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('a port in use is one line that says what to do', async () => {
    const err = await startHost({ ctx: testContext(), port: host.port, log: () => {} }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict', field: 'port' });
    expect((err as Error).message).toBe(`Port ${host.port} is already in use by another program. Choose another with --port N, or leave --port out to take a free one.`);
  });
});
