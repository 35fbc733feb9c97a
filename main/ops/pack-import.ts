/**
 * `import pack.pdf`: what a Dossier pack carries, brought into this dossier all or nothing. The meeting goes
 * through the .ics importer (same UID → the meeting already here is used), the who's who through the vCard
 * importer (the usual duplicates handling), the briefing from its JSON; each marked "From pack <title>, <date>".
 */
import { DossierError } from '../../contract/errors';
import { AgendaBriefsContent, type BriefingDetail, DELEGATION_ROLES, type PackImportPreview } from '../../contract/model';
import type { Out, Parsed } from '../../contract/ops';
import { readPdfAttachments } from '../formats/pack-import';
import { saveAction, saveOutcome } from '../store/actions';
import { addSection, createBriefing, listBriefings } from '../store/briefings';
import { getMeetingDetail, setParticipant } from '../store/meetings';
import { setContactSource } from '../store/people-match';
import { appendMeetingNote } from '../store/series-memory';
import { saveVersion } from '../store/versions';
import { contactIoHandlers } from './contact-io';
import type { HandlerMap, OpsContext } from './context';
import { write } from './context';
import { meetingIoHandlers } from './meeting-io';
import { PACK_FILES, PACK_FORMAT, type PackBriefingJson, type PackManifest } from './pack-data';

interface PackContents {
  manifest: PackManifest;
  ics: string;
  vcf: string;
  json: PackBriefingJson | null;
  names: string[];
}

function jsonOf<T>(buf: Buffer | undefined, file: string, name: string): T | null {
  if (!buf) return null;
  try {
    return JSON.parse(buf.toString('utf8')) as T;
  } catch {
    throw new DossierError('invalid_input', `${file}: the attached ${name} is not valid JSON.`, { field: 'contentBase64', details: { file } });
  }
}

async function contents(contentBase64: string, fileName: string): Promise<PackContents> {
  const files = await readPdfAttachments(Buffer.from(contentBase64, 'base64'), fileName);
  const manifest = jsonOf<PackManifest>(files.get(PACK_FILES.manifest), fileName, PACK_FILES.manifest);
  const ics = files.get(PACK_FILES.meeting)?.toString('utf8');
  if (!manifest || manifest.format !== PACK_FORMAT || !ics) {
    throw new DossierError('invalid_input', `${fileName} is a PDF but not a Dossier pack: it carries no ${PACK_FILES.manifest} and ${PACK_FILES.meeting}.`, {
      field: 'contentBase64',
      details: { file: fileName, attachments: [...files.keys()] },
    });
  }
  const json = jsonOf<PackBriefingJson>(files.get(PACK_FILES.briefing), fileName, PACK_FILES.briefing);
  return { manifest, ics, vcf: files.get(PACK_FILES.people)?.toString('utf8') ?? '', json: json?.format === PACK_FORMAT ? json : null, names: [...files.keys()].sort() };
}

/** How a pack's meeting.ics is read: its one event as written (its zones are named; it has no floating times). */
const PACK_ICS = { fileName: PACK_FILES.meeting, defaultZone: 'UTC', floatingZone: null, zoneChoices: {}, horizonMonths: null, horizonFrom: null };
const sourceOf = (m: PackManifest) => `From pack ${m.title}, ${m.built}`;
/** The handlers used here are synchronous; the map's type allows promises in general. */
const sync = <T>(value: T | Promise<T>): T => value as T;

async function preview(ctx: OpsContext, { contentBase64, fileName }: Parsed<'pack.importPreview'>): Promise<PackImportPreview & { vcf: string; ics: string; json: PackBriefingJson | null }> {
  const c = await contents(contentBase64, fileName);
  const meetings = sync(meetingIoHandlers['meeting.importPreview']({ ...PACK_ICS, content: c.ics }, ctx)).meetings;
  if (meetings.length !== 1) throw new DossierError('invalid_input', `${fileName}: the attached ${PACK_FILES.meeting} holds ${meetings.length} meetings, not one.`, { details: { file: fileName } });
  const people = c.vcf
    ? sync(contactIoHandlers['contact.importPreview']({ format: 'vcard', content: c.vcf, fileName: PACK_FILES.people, defaultRegion: null, drop: [] }, ctx)).contacts
    : [];
  const b = c.json?.briefing ?? null;
  return {
    title: c.manifest.title,
    date: c.manifest.built,
    appVersion: c.manifest.appVersion,
    source: sourceOf(c.manifest),
    meeting: meetings[0]!,
    contacts: people,
    briefing: b ? { title: b.title, sections: b.sections.length, versionLabel: c.manifest.briefing?.versionLabel ?? '' } : null,
    files: c.names,
    vcf: c.vcf,
    ics: c.ics,
    json: c.json,
  };
}

/** The briefing of the pack as a new briefing of `meetingId`; lines to take find their agenda items by position. */
function importBriefing(ctx: OpsContext, meetingId: number, json: PackBriefingJson, source: string): number | null {
  const b: BriefingDetail | null = json.briefing;
  if (!b) return null;
  // Importing the same pack again must not duplicate the briefing.
  const existing = listBriefings(ctx.db, meetingId).find((x) => x.title === b.title);
  if (existing) return existing.id;
  const id = createBriefing(ctx.db, { meetingId, title: b.title, classification: b.classification, language: b.language, owner: b.owner, deadline: b.deadline }, 'empty');
  const agenda = getMeetingDetail(ctx.db, meetingId).agenda;
  const newId = new Map(json.agendaIds.map((old, i) => [old, agenda[i]?.id]));
  for (const s of b.sections) {
    let content = s.content;
    if (s.kind === 'agenda_briefs') {
      const parsed = AgendaBriefsContent.safeParse(safeJson(s.content));
      if (parsed.success) content = JSON.stringify({ briefs: parsed.data.briefs.map((br) => ({ ...br, agendaItemId: newId.get(br.agendaItemId) ?? br.agendaItemId })) });
    }
    addSection(ctx.db, id, s.kind, s.title, content);
  }
  saveVersion(ctx.db, id, source, 'imported');
  return id;
}

const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};

async function importPack(ctx: OpsContext, input: Parsed<'pack.import'>): Promise<Out<'pack.import'>> {
  const p = await preview(ctx, input);
  const source = p.source;
  return write(ctx, () => {
    const db = ctx.db;
    // The meeting: the one already imported from the same UID, else a new one with its agenda.
    let meetingId = p.meeting.duplicateOf;
    if (meetingId === null) {
      meetingId = sync(meetingIoHandlers['meeting.importIcs']({ ...PACK_ICS, content: p.ics, skipInvalid: false, attendees: {} }, ctx)).created[0]!;
      appendMeetingNote(db, meetingId, `${source}.`);
      for (const o of p.json?.outcomes ?? []) saveOutcome(db, meetingId, { id: null, text: o.text, committedBy: o.committedBy });
      for (const a of p.json?.actions ?? []) saveAction(db, meetingId, { id: null, text: a.text, owner: a.owner, dueDate: a.dueDate, status: a.status });
    }
    // The who's who: duplicates skipped, updated or kept both, as in any contact import.
    const people: number[] = [];
    let result = { created: [] as number[], updated: [] as number[], skipped: 0 };
    if (p.vcf) {
      result = sync(contactIoHandlers['contact.importCommit']({ format: 'vcard', content: p.vcf, fileName: PACK_FILES.people, defaultRegion: null, drop: [], skipInvalid: false, resolution: input.resolution, overrides: {} }, ctx));
      let k = 0;
      for (const item of p.contacts) people.push(item.duplicateOf !== null && input.resolution !== 'keep_both' ? item.duplicateOf : result.created[k++]!);
      for (const id of result.created) setContactSource(db, id, source);
    }
    const roles = p.json?.participants ?? [];
    people.forEach((contactId, i) => {
      const r = roles[i];
      if (!r || contactId === undefined) return;
      const role = (DELEGATION_ROLES as readonly string[]).includes(r.role) ? r.role : 'member';
      // Sides as the pack has them: a pack passes a meeting on to a colleague (a successor, a co-delegate).
      setParticipant(db, meetingId, contactId, r.side, role);
    });
    const briefingId = p.json ? importBriefing(ctx, meetingId, p.json, source) : null;
    return { meetingId, briefingId, created: result.created, updated: result.updated, skipped: result.skipped, source };
  });
}

export const packImportHandlers: HandlerMap<'pack.importPreview' | 'pack.import'> = {
  'pack.importPreview': async (input, ctx) => {
    const { vcf: _v, ics: _i, json: _j, ...shown } = await preview(ctx, input);
    return shown;
  },
  'pack.import': (input, ctx) => importPack(ctx, input),
};
