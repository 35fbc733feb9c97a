/**
 * `import pack.pdf`: what a Dossier pack carries, brought into this dossier all or nothing. The meeting goes
 * through the .ics importer (same UID → the meeting already here is used), the who's who through the vCard
 * importer (the usual duplicates handling), the briefing from its JSON; each marked "From pack <title>, <date>".
 */
import { DossierError } from '../../contract/errors';
import { DELEGATION_ROLES, type PackImportPreview } from '../../contract/model';
import { parseSectionBody, sectionContent } from '../../contract/section-content';
import type { Out, Parsed } from '../../contract/ops';
import { type PackContents, readPackFile } from '../formats/pack-file';
import { saveAction, saveOutcome } from '../store/actions';
import { addSection, createBriefing, listBriefings } from '../store/briefings';
import { getMeetingDetail, setParticipant } from '../store/meetings';
import { setContactSource } from '../store/people-match';
import { appendMeetingNote } from '../store/series-memory';
import { saveVersion } from '../store/versions';
import type { ReadDb, WriteDb } from '../store/db';
import { importContacts, planContactImport, previewContacts } from './contact-io';
import { type HandlerMap, type ReadContext, type WriteContext, staged } from './context';
import { importMeetings, planMeetingImport, previewMeetings } from './meeting-io';
import { PACK_FILES, type PackBriefingJson, type PackManifest } from '../../contract/pack-file';

/** How a pack's meeting.ics is read: its one event as written (its zones are named; it has no floating times). */
const PACK_ICS = { fileName: PACK_FILES.meeting, defaultZone: 'UTC', floatingZone: null, zoneChoices: {}, horizonMonths: null, horizonFrom: null };
const sourceOf = (m: PackManifest) => `From pack ${m.title}, ${m.built}`;

const meetingFile = (c: PackContents) => ({ ...PACK_ICS, content: c.ics, skipInvalid: false, attendees: {} });
const peopleFile = (c: PackContents) => ({ format: 'vcard' as const, content: c.vcf, fileName: PACK_FILES.people, defaultRegion: null, drop: [], skipInvalid: false });

/** What the pack would bring in, as matched against this dossier now. */
function preview(db: ReadDb, c: PackContents, fileName: string, now: Date): PackImportPreview {
  const { meetings } = previewMeetings(db, meetingFile(c), now);
  if (meetings.length !== 1) throw new DossierError('invalid_input', `${fileName}: the attached ${PACK_FILES.meeting} holds ${meetings.length} meetings, not one.`, { details: { file: fileName } });
  const b = c.json?.briefing ?? null;
  return {
    title: c.manifest.title,
    date: c.manifest.built,
    appVersion: c.manifest.appVersion,
    source: sourceOf(c.manifest),
    meeting: meetings[0]!,
    contacts: c.vcf ? previewContacts(db, peopleFile(c)).contacts : [],
    briefing: b ? { title: b.title, sections: b.sections.length, versionLabel: c.manifest.briefing?.versionLabel ?? '' } : null,
    files: c.names,
  };
}

/** The briefing of the pack as a new briefing of `meetingId`; lines to take find their agenda items by position. */
function importBriefing(db: WriteDb, meetingId: number, json: PackBriefingJson, source: string): number | null {
  const b = json.briefing;
  if (!b) return null;
  // Importing the same pack again must not duplicate the briefing.
  const existing = listBriefings(db, meetingId).find((x) => x.title === b.title);
  if (existing) return existing.id;
  const id = createBriefing(db, { meetingId, title: b.title, classification: b.classification, language: b.language, owner: b.owner, deadline: b.deadline }, 'empty');
  const agenda = getMeetingDetail(db, meetingId).agenda;
  const newId = new Map(json.agendaIds.map((old, i) => [old, agenda[i]?.id]));
  for (const s of b.sections) {
    const body = parseSectionBody(s.kind, s.content);
    const content =
      body.kind === 'agenda_briefs' ? sectionContent({ ...body, briefs: body.briefs.map((br) => ({ ...br, agendaItemId: newId.get(br.agendaItemId) ?? br.agendaItemId })) }) : s.content;
    addSection(db, id, s.kind, s.title, content);
  }
  saveVersion(db, id, source, 'imported');
  return id;
}

/** Writes the pack into the dossier, matching it against the store inside the transaction (the read may be stale). */
function importPack(ctx: WriteContext, c: PackContents, resolution: Parsed<'pack.import'>['resolution']): Out<'pack.import'> {
  const db = ctx.db;
  const source = sourceOf(c.manifest);
  const ics = meetingFile(c);
  const plan = planMeetingImport(db, ics, ctx.now());
  // The meeting: the one already imported from the same UID, else a new one with its agenda.
  let meetingId = plan.preview.meetings[0]!.duplicateOf;
  if (meetingId === null) {
    meetingId = importMeetings(db, plan, ics).created[0]!;
    appendMeetingNote(db, meetingId, `${source}.`);
    for (const o of c.json?.outcomes ?? []) saveOutcome(db, meetingId, { id: null, text: o.text, committedBy: o.committedBy });
    for (const a of c.json?.actions ?? []) saveAction(db, meetingId, { id: null, text: a.text, owner: a.owner, dueDate: a.dueDate, status: a.status });
  }
  // The who's who: duplicates skipped, updated or kept both, as in any contact import.
  const people: number[] = [];
  let result = { created: [] as number[], updated: [] as number[], skipped: 0 };
  if (c.vcf) {
    const file = { ...peopleFile(c), resolution, overrides: {} };
    const contacts = planContactImport(db, file);
    result = importContacts(ctx, contacts, file);
    let k = 0;
    for (const { item } of contacts.kept) people.push(item.duplicateOf !== null && resolution !== 'keep_both' ? item.duplicateOf : result.created[k++]!);
    for (const id of result.created) setContactSource(db, id, source);
  }
  const roles = c.json?.participants ?? [];
  people.forEach((contactId, i) => {
    const r = roles[i];
    if (!r || contactId === undefined) return;
    const role = (DELEGATION_ROLES as readonly string[]).includes(r.role) ? r.role : 'member';
    // Sides as the pack has them: a pack passes a meeting on to a colleague (a successor, a co-delegate).
    setParticipant(db, meetingId, contactId, r.side, role);
  });
  const briefingId = c.json ? importBriefing(db, meetingId, c.json, source) : null;
  return { meetingId, briefingId, created: result.created, updated: result.updated, skipped: result.skipped, source };
}

const cancelled = () => new DossierError('cancelled', 'The pack import was cancelled; nothing was imported.');

/** Reads the pack; a cancel seen once the PDF is read (its slow part) stops before anything else happens. */
async function readPack(contentBase64: string, fileName: string, ctx: ReadContext): Promise<PackContents> {
  const c = await readPackFile(Buffer.from(contentBase64, 'base64'), fileName);
  if (ctx.signal?.aborted) throw cancelled();
  return c;
}

export const packImportHandlers: HandlerMap<'pack.importPreview' | 'pack.import'> = {
  'pack.importPreview': async ({ contentBase64, fileName }, ctx) => preview(ctx.db, await readPack(contentBase64, fileName, ctx), fileName, ctx.now()),
  // The PDF is read (and checked to be a pack with one meeting) before the transaction; the write step matches and writes.
  'pack.import': staged<'pack.import'>(async ({ contentBase64, fileName, resolution }, ctx) => {
    const c = await readPack(contentBase64, fileName, ctx);
    preview(ctx.db, c, fileName, ctx.now());
    if (ctx.signal?.aborted) throw cancelled();
    return (w) => importPack(w, c, resolution);
  }),
};
