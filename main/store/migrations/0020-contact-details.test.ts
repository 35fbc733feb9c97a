import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb, migrateTo, openDb, schemaVersion } from '../db';
import { getContact, updateContact } from '../contacts';
import { getMeeting, meetingByUid, meetingUid } from '../meetings';
import { ContactInput } from '../../../contract/model';

describe('migration 0020: contact addresses, photos and other details; all-day meetings and iCalendar keys', () => {
  it('adds the tables and columns, and moves an imported meeting’s UID out of `source`', () => {
    const db = createDb(10);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO contacts (given_name, family_name, created_at, updated_at) VALUES ('Ana', 'Silva', ?, ?)`).run(now, now);
    const ins = db.prepare(
      `INSERT INTO meetings (title, starts_at, ends_at, time_zone, source, created_at, updated_at) VALUES (?, '2026-03-01T09:00:00.000Z', '2026-03-01T10:00:00.000Z', 'UTC', ?, ?, ?)`,
    );
    ins.run('From a calendar', 'ics:abc-123@example.org', now, now);
    ins.run('Typed in', '', now, now);
    migrateTo(db, 20);
    expect(schemaVersion(db)).toBe(20);
    for (const t of ['contact_addresses', 'contact_photos', 'contact_details']) {
      expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(t)).toEqual({ n: 1 });
    }
    expect(db.prepare('SELECT title, all_day, ics_uid, ics_recurrence_id FROM meetings ORDER BY id').all()).toEqual([
      { title: 'From a calendar', all_day: 0, ics_uid: 'abc-123@example.org', ics_recurrence_id: '' },
      { title: 'Typed in', all_day: 0, ics_uid: null, ics_recurrence_id: '' },
    ]);
    // The store finds the imported meeting by its UID as before, and exports it with the same UID.
    expect(meetingByUid(db, 'abc-123@example.org')).toBe(1);
    expect(meetingUid(db, 1)).toBe('abc-123@example.org');
    expect(getMeeting(db, 2).allDay).toBe(false);
    // A contact of the old schema reads with no addresses, photo or other details, and takes them.
    expect(getContact(db, 1)).toMatchObject({ addresses: [], hasPhoto: false, photo: null, otherDetails: [] });
    updateContact(db, 1, ContactInput.parse({ givenName: 'Ana', familyName: 'Silva', addresses: [{ street: 'Rua Augusta 1', locality: 'Lisboa' }], photo: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' }, otherDetails: [{ name: 'Birthday', value: '1980-01-01', property: 'BDAY' }] }));
    expect(getContact(db, 1)).toMatchObject({ addresses: [{ street: 'Rua Augusta 1', locality: 'Lisboa' }], hasPhoto: true, otherDetails: [{ name: 'Birthday' }] });
    // Deleting a contact takes its addresses, photo and details with it.
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM contact_addresses) + (SELECT count(*) FROM contact_photos) + (SELECT count(*) FROM contact_details) AS n').get()).toEqual({ n: 0 });
  });

  it('the v10 fixture upgrades: every contact reads with the new fields, meetings are not all-day', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dossier-0020-')), 'dossier.db');
    copyFileSync(new URL('./fixtures/v10.db', import.meta.url), path);
    const db = openDb(path);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(20);
    const ids = (db.prepare('SELECT id FROM contacts').all() as { id: number }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(getContact(db, id)).toMatchObject({ addresses: [], hasPhoto: false, otherDetails: [] });
    expect(db.prepare('SELECT count(*) AS n FROM meetings WHERE all_day <> 0').get()).toEqual({ n: 0 });
    db.close();
  });
});
