/**
 * ReadDb and WriteDb have teeth: a write helper refuses a read handle at compile time. `tsc` (npm run typecheck)
 * checks the `@ts-expect-error` lines below: if a read handle ever became acceptable to a write helper, the
 * directive would be unused and the type check would fail.
 */
import { describe, expect, it } from 'vitest';
import { createContact, getContact } from './contacts';
import { ContactInput } from '../../contract/model';
import { type ReadDb, type WriteDb, createDb } from './db';
import { run, stmt } from './sql';

describe('read and write handles', () => {
  it('a write handle is a read handle; a read handle is not a write handle', () => {
    const w: WriteDb = createDb();
    const r: ReadDb = w; // a WriteDb may read
    const id = createContact(w, ContactInput.parse({ givenName: 'Ana', familyName: 'Silva' }));
    expect(getContact(r, id).familyName).toBe('Silva');

    const refused = () => {
      // @ts-expect-error a store write helper takes a WriteDb only
      createContact(r, ContactInput.parse({ givenName: 'Bo', familyName: 'Li' }));
      // @ts-expect-error `run` (a writing statement) takes a WriteDb only
      run(r, 'DELETE FROM contacts');
      // @ts-expect-error statements prepared through a read handle have no `run`
      stmt(r, 'DELETE FROM contacts').run();
      // @ts-expect-error a read handle has no `exec`
      r.exec('DELETE FROM contacts');
      // @ts-expect-error nor can it be used where a WriteDb is expected
      const back: WriteDb = r;
      return back;
    };
    expect(typeof refused).toBe('function');
  });
});
