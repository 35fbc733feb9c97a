import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { testContext } from '../ops/test-context';
import { writeTx } from './db';
import { deferIndexes } from './deferred-indexes';

const indexes = (db: ReturnType<typeof testContext>['db']) =>
  db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('contacts', 'contact_emails') ORDER BY name`).all();

describe('index work deferred inside a write transaction', () => {
  it('drops the tables’ indexes but those kept, and builds them again as the schema defines them', () => {
    const { db } = testContext();
    const before = indexes(db);
    writeTx(db, () => {
      const rebuild = deferIndexes(db, ['contacts', 'contact_emails'], ['contact_emails_value']);
      expect(indexes(db).map((i) => (i as { name: string }).name).filter((n) => !n.startsWith('sqlite_'))).toEqual(['contact_emails_value']);
      db.prepare(`INSERT INTO contacts (given_name, family_name, sort_name, created_at, updated_at, gid) VALUES ('Ana', 'Lopes', 'lopes ana', '', '', 'a1')`).run();
      rebuild();
    });
    expect(indexes(db)).toEqual(before);
  });

  it('a unique index that no longer holds fails the write with a clear error, and the rollback restores the indexes', () => {
    const { db } = testContext();
    const before = indexes(db);
    const err = (() => {
      try {
        writeTx(db, () => {
          const rebuild = deferIndexes(db, ['contacts']);
          const insert = db.prepare(`INSERT INTO contacts (given_name, family_name, sort_name, created_at, updated_at, gid) VALUES (?, 'Lopes', 'lopes', '', '', 'same')`);
          insert.run('Ana');
          insert.run('Ben');
          rebuild();
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).toData()).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^Two rows of contacts would share a value that must be unique \(contacts_gid\)/) });
    expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    expect(indexes(db)).toEqual(before);
  });
});
