/**
 * What a pack carries besides its pages: the meeting as iCalendar, the who's who as vCards, the briefing with its
 * actions as JSON, and a build manifest. Written with the same writers as the .ics and .vcf exports; every date
 * in them is the pack's date, so the same dossier and date give the same bytes.
 */
import type { BriefingDetail } from '../../contract/model';
import { PACK_FORMAT } from '../../contract/pack-file';
import { briefingRecord } from '../../contract/section-content';
import { writeIcs } from '../formats/ical-write';
import { writePackFiles } from '../formats/pack-file';
import type { PackAttachment } from '../pack/document';
import { APP_VERSION } from '../version';
import { carriedActions, listActions, listOutcomes } from '../store/actions';
import { getBriefingDetail, listBriefings } from '../store/briefings';
import type { ReadDb } from '../store/db';
import { getMeetingDetail, meetingUid } from '../store/meetings';
import { listVersions } from '../store/versions';
import { exportContacts } from './contact-io';
import type { ReadContext } from './context';

/** The attachments of the pack of `briefingId` (or of the meeting's latest briefing), dated `day`. */
export function packAttachments(
  ctx: ReadContext,
  target: { briefingId?: number | undefined; meetingId?: number | undefined },
  day: string,
  /** A variant's briefing, its marked parts already removed: the .json must not carry what the pages leave out. */
  variantBriefing?: BriefingDetail,
): PackAttachment[] {
  const db: ReadDb = ctx.db;
  const briefingId = target.briefingId ?? listBriefings(db, target.meetingId ?? null)[0]?.id ?? null;
  const briefing = variantBriefing ?? (briefingId === null ? null : getBriefingDetail(db, briefingId));
  const m = getMeetingDetail(db, briefing?.meetingId ?? target.meetingId!);
  const stamp = new Date(`${day}T00:00:00Z`);
  const uid = meetingUid(db, m.id);

  const ics = writeIcs([{ uid, title: m.title, series: m.series, start: m.start, end: m.end, timeZone: m.timeZone, venue: m.venue, notes: m.notes, status: m.status, agenda: m.agenda }], stamp);
  const people = [...m.delegation.map((p) => ({ id: p.contactId, side: 'delegation' as const, role: p.role })), ...m.counterparts.map((p) => ({ id: p.contactId, side: 'counterpart' as const, role: 'counterpart' }))];
  // The contact export's writer gives institutions by name, as another dossier needs them.
  const vcf = people.length ? exportContacts(db, { format: 'vcard', version: '4.0', ids: people.map((p) => p.id) }, ctx.now()).content : '';
  const latest = briefing ? listVersions(db, briefing.id)[0] : undefined;
  return writePackFiles({
    ics,
    vcf,
    meetingTitle: m.title,
    briefing: {
      format: PACK_FORMAT,
      version: 1,
      briefing: briefing && briefingRecord(briefing),
      agendaIds: m.agenda.map((a) => a.id),
      participants: people.map(({ side, role }) => ({ side, role })),
      outcomes: listOutcomes(db, m.id),
      actions: listActions(db, m.id, day),
      carriedActions: carriedActions(db, m.id, day),
    },
    manifest: {
      format: PACK_FORMAT,
      version: 1,
      app: 'Dossier',
      appVersion: APP_VERSION,
      built: day,
      title: m.title,
      meetingUid: uid,
      briefing: briefing ? { id: briefing.id, title: briefing.title, version: latest?.number ?? null, versionLabel: latest ? `Version ${latest.number}${latest.name ? ` “${latest.name}”` : ''}` : 'Working copy' } : null,
    },
  });
}
