import { describe, expect, it } from 'vitest';
import { MeetingInput } from '../../contract/model';
import { withBody } from '../../contract/section-content';
import { addSection, createBriefing, getBriefingDetail, updateSection } from './briefings';
import { createDb } from './db';
import { createMeeting } from './meetings';
import { get } from './sql';
import { saveVersion, versionSnapshot } from './versions';

describe('sections as the store reads them', () => {
  it('the store gives every section its typed body, and keeps versions without it', () => {
    const db = createDb();
    const meetingId = createMeeting(db, MeetingInput.parse({ title: 'WPSDG', start: '2027-01-07T10:00', end: '2027-01-07T12:00', timeZone: 'Europe/Zurich' }));
    const id = createBriefing(db, { meetingId, title: 'Brief', classification: '', language: 'en', owner: '', deadline: null }, 'standard');
    const km = getBriefingDetail(db, id).sections.find((s) => s.kind === 'key_messages')!;
    updateSection(db, km.id, { content: JSON.stringify({ items: ['Support the study.'] }) });
    const read = getBriefingDetail(db, id).sections.find((s) => s.id === km.id)!;
    expect(read.body).toEqual({ kind: 'key_messages', items: ['Support the study.'] });
    const v = saveVersion(db, id, 'v1', 'manual');
    const stored = get<{ snapshot: string }>(db, 'SELECT snapshot FROM briefing_versions WHERE id = ?', v.id)!.snapshot;
    expect(stored).not.toContain('"body"');
    expect(versionSnapshot(db, v.id).sections.find((s) => s.id === km.id)!.body).toEqual(read.body);
    // A changed body writes its text again, so the two never disagree.
    const changed = withBody(read, { kind: 'key_messages', items: ['Support it.'] });
    expect(changed.content).toBe('{"items":["Support it."]}');
    addSection(db, id, 'qa', 'More Q&A', '{"pairs":[]}');
    expect(getBriefingDetail(db, id).sections.at(-1)!.body).toEqual({ kind: 'qa', pairs: [] });
  });
});
