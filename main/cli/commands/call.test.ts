import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opNames } from '../../../contract/ops';
import { runCli } from '../run';

function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), readIn: async () => stdin };
  return runCli(args, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('dossier ops and dossier call', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-call-')), 'x.db');

  it('ops --json lists every operation with its kind, doc line and input as JSON Schema', async () => {
    const r = await cli(['ops', '--json']);
    expect(r.code).toBe(0);
    const all = JSON.parse(r.out) as { name: string; kind: string; doc: string; input: { type: string; properties?: Record<string, unknown> } }[];
    expect(all.map((o) => o.name)).toEqual(opNames);
    for (const o of all) {
      expect(['read', 'write']).toContain(o.kind);
      expect(o.doc.length).toBeGreaterThan(10);
      expect(o.input.type).toBe('object');
    }
    const create = all.find((o) => o.name === 'contact.create')!;
    expect(Object.keys(create.input.properties!)).toEqual(expect.arrayContaining(['givenName', 'familyName', 'emails', 'institutionId']));

    const human = await cli(['ops']);
    expect(human.out).toMatch(/^briefing\.create\s+write\s+Create a briefing for a meeting/m);
    const one = await cli(['ops', 'section.update']);
    expect(one.out).toContain('section.update (write)');
    expect(one.out).toContain('"content"');
    expect((await cli(['ops', 'contact.frobnicate'])).code).toBe(2);
  });

  it('call writes through the contract; search then finds the new contact', async () => {
    expect((await cli(['--db', db, 'demo'])).code).toBe(0);
    const input = { honorific: 'Ms.', givenName: 'Ingrid', familyName: 'Halvorsen', position: 'Counsellor (Labour)', emails: [{ label: 'work', value: 'ingrid.halvorsen@example.no' }] };
    const made = await cli(['--db', db, 'call', 'contact.create', JSON.stringify(input)]);
    expect(made.code).toBe(0);
    const contact = JSON.parse(made.out) as { id: number; displayName: string };
    expect(contact.displayName).toBe('Ms. Ingrid Halvorsen');

    const hits = JSON.parse((await cli(['--db', db, 'search', 'halvorsen', '--json'])).out) as { kind: string; id: number }[];
    expect(hits).toEqual([expect.objectContaining({ kind: 'contact', id: contact.id })]);
    // The same through call, with the input on stdin.
    const viaStdin = await cli(['--db', db, 'call', 'search.query', '-'], '{"query": "HALVORSEN"}');
    expect(JSON.parse(viaStdin.out)).toEqual([expect.objectContaining({ id: contact.id })]);
  });

  it('creates a briefing and updates a section, as README shows', async () => {
    const [meeting] = JSON.parse((await cli(['--db', db, 'call', 'meeting.list', '{"when":"upcoming"}'])).out) as { id: number }[];
    const b = JSON.parse((await cli(['--db', db, 'call', 'briefing.create', JSON.stringify({ meetingId: meeting!.id, title: 'Speaking notes', classification: 'OFFICIAL' })])).out) as {
      id: number;
      sections: { id: number; title: string }[];
    };
    const objectives = b.sections.find((s) => s.title === 'Objectives')!;
    const r = await cli(['--db', db, 'call', 'section.update', JSON.stringify({ id: objectives.id, content: 'Secure **support** for the study.' })]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ id: objectives.id, content: 'Secure **support** for the study.' });
  });

  it('reports typed errors as JSON on stderr with the exit status of the CLI table', async () => {
    const missing = await cli(['--db', db, 'call', 'contact.get', '{"id": 99999}']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(JSON.parse(missing.err)).toEqual({ error: { code: 'not_found', message: 'Contact 99999 does not exist.' } });

    const invalid = await cli(['--db', db, 'call', 'contact.create', '{"givenName": 7}']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.err).error).toMatchObject({ code: 'invalid_input', field: 'givenName' });

    const notJson = await cli(['--db', db, 'call', 'contact.create', "{givenName: 'x'}"]);
    expect(notJson.code).toBe(1);
    expect(JSON.parse(notJson.err).error).toMatchObject({ code: 'invalid_input', field: 'input' });
    expect(JSON.parse(notJson.err).error.message).toMatch(/not valid JSON/);

    expect((await cli(['--db', db, 'call', 'contact.frobnicate', '{}'])).code).toBe(2);
    expect((await cli(['--db', db, 'call'])).code).toBe(2);
  });
});
