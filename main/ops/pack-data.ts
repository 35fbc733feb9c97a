/**
 * What a pack carries besides its pages: the meeting as iCalendar, the who's who as vCards, the briefing with its
 * actions as JSON, and a build manifest. Written with the same writers as the .ics and .vcf exports; every date
 * in them is the pack's date, so the same dossier and date give the same bytes.
 */
import { createHash } from 'node:crypto';
import type { BriefingDetail, FollowUpAction, Outcome } from '../../contract/model';
import { writeIcs } from '../formats/ical-write';
import { icsMeetingOf } from './meeting-io';
import type { PackAttachment } from '../pack/document';
import { APP_VERSION } from '../version';
import { carriedActions, listActions, listOutcomes } from '../store/actions';
import { getBriefingDetail, listBriefings } from '../store/briefings';
import type { ReadDb } from '../store/db';
import { getMeetingDetail, meetingUid } from '../store/meetings';
import { listVersions } from '../store/versions';
import { contactIoHandlers } from './contact-io';
import type { OpsContext } from './context';

export const PACK_FILES = { meeting: 'meeting.ics', people: 'whos-who.vcf', briefing: 'briefing.json', manifest: 'manifest.json' } as const;
export const PACK_FORMAT = 'dossier-pack';

/** briefing.json: enough to rebuild the briefing and the meeting's follow-ups in another dossier. */
export interface PackBriefingJson {
  format: typeof PACK_FORMAT;
  version: 1;
  briefing: BriefingDetail | null;
  /** Agenda item ids in agenda order, so lines to take per item find their item again after import. */
  agendaIds: number[];
  /** Who's who in the order of whos-who.vcf: which side of the table and what role. */
  participants: { side: 'delegation' | 'counterpart'; role: string }[];
  outcomes: Outcome[];
  actions: FollowUpAction[];
  carriedActions: FollowUpAction[];
}

/** manifest.json: who built the pack from what. */
export interface PackManifest {
  format: typeof PACK_FORMAT;
  version: 1;
  app: 'Dossier';
  appVersion: string;
  built: string;
  title: string;
  meetingUid: string;
  briefing: { id: number; title: string; version: number | null; versionLabel: string } | null;
  files: { name: string; type: string; bytes: number; sha256: string }[];
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The attachments of the pack of `briefingId` (or of the meeting's latest briefing), dated `day`. */
export function packAttachments(
  ctx: OpsContext,
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

  // Participants travel in the .json with their sides; the event itself carries no attendees.
  const ics = writeIcs([icsMeetingOf(db, m, false)], stamp);
  const people = [...m.delegation.map((p) => ({ id: p.contactId, side: 'delegation' as const, role: p.role })), ...m.counterparts.map((p) => ({ id: p.contactId, side: 'counterpart' as const, role: 'counterpart' }))];
  // contact.export is synchronous; its writer gives institutions by name, as another dossier needs them.
  const vcf = people.length ? (contactIoHandlers['contact.export']({ format: 'vcard', version: '4.0', ids: people.map((p) => p.id) }, ctx) as { content: string }).content : '';
  const json: PackBriefingJson = {
    format: PACK_FORMAT,
    version: 1,
    briefing,
    agendaIds: m.agenda.map((a) => a.id),
    participants: people.map(({ side, role }) => ({ side, role })),
    outcomes: listOutcomes(db, m.id),
    actions: listActions(db, m.id, day),
    carriedActions: carriedActions(db, m.id, day),
  };
  const files: PackAttachment[] = [
    { name: PACK_FILES.meeting, type: 'text/calendar', description: `The meeting with its agenda (iCalendar): ${m.title}`, content: Buffer.from(ics, 'utf8') },
    ...(vcf ? [{ name: PACK_FILES.people, type: 'text/vcard', description: 'Who’s who: delegation and counterparts (vCard 4.0)', content: Buffer.from(vcf, 'utf8') }] : []),
    { name: PACK_FILES.briefing, type: 'application/json', description: 'The briefing with its sections, outcomes and follow-up actions (JSON)', content: Buffer.from(JSON.stringify(json, null, 1), 'utf8') },
  ];
  const latest = briefing ? listVersions(db, briefing.id)[0] : undefined;
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: 1,
    app: 'Dossier',
    appVersion: APP_VERSION,
    built: day,
    title: m.title,
    meetingUid: uid,
    briefing: briefing ? { id: briefing.id, title: briefing.title, version: latest?.number ?? null, versionLabel: latest ? `Version ${latest.number}${latest.name ? ` “${latest.name}”` : ''}` : 'Working copy' } : null,
    files: files.map((f) => ({ name: f.name, type: f.type, bytes: f.content.length, sha256: sha(f.content) })),
  };
  files.push({ name: PACK_FILES.manifest, type: 'application/json', description: 'Build manifest: app version, source briefing version, build date', content: Buffer.from(JSON.stringify(manifest, null, 1), 'utf8') });
  return files;
}
