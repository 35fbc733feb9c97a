/**
 * What a pack carries besides its pages: the meeting as iCalendar, the who's who as vCards, the briefing with its
 * actions as JSON, and a build manifest (contract/pack-file.ts). Written with the same writers as the .ics and .vcf
 * exports; every date in them is the pack's date, so the same dossier and date give the same bytes.
 */
import type { BriefingDetail } from '../../contract/model';
import { PACK_FORMAT } from '../../contract/pack-file';
import { briefingRecord } from '../../contract/section-content';
import { contactData } from '../formats/contact-data';
import { icsEventOf, writeIcs } from '../formats/ical-write';
import { writePackFiles } from '../formats/pack-file';
import { writeVCards } from '../formats/vcard-write';
import type { PackAttachment } from '../pack/document';
import { APP_VERSION } from '../version';
import type { PackSource } from './source';

/** The attachments of the pack; `kept` is the variant's briefing, so the .json never carries what the pages leave out. */
export function packAttachments(source: PackSource, kept: BriefingDetail | null): PackAttachment[] {
  const { meeting: m, day } = source;
  const uid = source.icsKey.uid;
  const names = new Map(source.institutions.map((i) => [i.id, i.name]));
  // Participants travel in the .json with their sides; the event itself carries no attendees.
  const ics = writeIcs([icsEventOf(m, source.icsKey, (id) => names.get(id) ?? '')], new Date(`${day}T00:00:00Z`));
  const people = [...m.delegation.map((p) => ({ id: p.contactId, side: 'delegation' as const, role: p.role })), ...m.counterparts.map((p) => ({ id: p.contactId, side: 'counterpart' as const, role: 'counterpart' }))];
  // Institutions by name, as another dossier needs them.
  const cards = people.flatMap((p) => {
    const c = source.people.get(p.id);
    return c ? [contactData(c, c.institutionId === null ? [] : (source.institutionNames.get(c.institutionId) ?? []))] : [];
  });
  const latest = source.latestVersion;
  return writePackFiles({
    ics,
    vcf: cards.length ? writeVCards(cards, '4.0') : '',
    meetingTitle: m.title,
    briefing: {
      format: PACK_FORMAT,
      version: 1,
      briefing: kept && briefingRecord(kept),
      agendaIds: m.agenda.map((a) => a.id),
      participants: people.map(({ side, role }) => ({ side, role })),
      outcomes: source.outcomes,
      actions: source.actions,
      carriedActions: source.carried,
    },
    manifest: {
      format: PACK_FORMAT,
      version: 1,
      app: 'Dossier',
      appVersion: APP_VERSION,
      built: day,
      title: m.title,
      meetingUid: uid,
      briefing: kept ? { id: kept.id, title: kept.title, version: latest?.number ?? null, versionLabel: latest ? `Version ${latest.number}${latest.name ? ` “${latest.name}”` : ''}` : 'Working copy' } : null,
    },
  });
}
