/**
 * Writes main/store/migrations/fixtures/v<N>.db: a realistic dossier at schema N (the current one by default), made
 * through the ops with a pinned clock. Run it once when a schema version ships (`npx tsx scripts/make-fixture.ts`),
 * commit the file, and never regenerate an old one: the migrations test upgrades every fixture to the latest schema.
 * The file stays in WAL mode, as every file Dossier writes is, but fully checkpointed so it needs no -wal beside it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../main/ops/index';
import { LATEST_VERSION } from '../main/store/migrations/index';
import { openDossier } from '../main/ops/open';

const version = Number(process.argv[2] ?? LATEST_VERSION);
if (version !== LATEST_VERSION) throw new Error(`This checkout makes schema ${LATEST_VERSION}; check out the release that shipped ${version} to make its fixture.`);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'main', 'store', 'migrations', 'fixtures', `v${version}.db`);
if (existsSync(out) && !process.argv.includes('--force')) throw new Error(`${out} exists; shipped fixtures are never regenerated (--force to overwrite).`);
rmSync(out, { force: true });

const now = new Date('2026-03-02T09:00:00Z');
const ctx = openDossier({ path: out, now: () => now });
const call = (name: string, input: unknown) => dispatch(ctx, name, input) as Promise<any>;

await call('system.loadDemo', {});
const meetings = await call('meeting.list', {});
const m = meetings[0];
const c = await call('contact.create', {
  honorific: 'Dr.',
  givenName: 'Zoë',
  familyName: 'Ørsted-Çelik',
  position: 'Senior Adviser, Employment Policy',
  notes: 'Met at **WPSDG** 2025. Prefers French.\n\n- follows social protection floors',
  languages: ['fr', 'en'],
  informationDated: '2019-05',
  emails: [{ label: 'work', value: 'z.orsted@example.org' }],
  phones: [{ label: 'office', value: '+41 22 799 61 11' }],
  // Schema 20 (issue 17): an address, a photo and other details.
  addresses: [{ label: 'work', street: 'Route des Morillons 4', locality: 'Genève', postalCode: '1211', country: 'Suisse' }],
  photo: { mediaType: 'image/png', dataBase64: readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'main', 'formats', 'fixtures', 'fidelity', 'photo.png')).toString('base64') },
  otherDetails: [{ name: 'Birthday', value: '1975-11-03', property: 'BDAY' }, { name: 'Skype', value: 'skype:z.orsted', property: 'IMPP;X-SERVICE-TYPE=Skype' }],
});
// An imported repeating event: occurrences keyed by UID and RECURRENCE-ID, and an all-day meeting.
const ics = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'main', 'formats', 'fixtures', 'fidelity', 'google-calendar-export.ics'), 'utf8');
await call('meeting.importIcs', { content: ics, fileName: 'gb.ics', defaultZone: 'Europe/Zurich', horizonFrom: '2026-09-01', horizonMonths: 6 });
await call('meeting.setParticipant', { meetingId: m.id, contactId: c.id, side: 'counterpart' });
await call('outcome.save', { meetingId: m.id, text: 'Agreed to a joint paper on just transition before the next session.', committedBy: 'us' });
await call('action.save', { meetingId: m.id, text: 'Send the draft joint paper to the Office', owner: 'Desk officer', dueDate: '2026-04-15' });
const b = await call('briefing.create', { meetingId: m.id, title: 'Steering brief for the WPSDG', classification: 'RESTRICTED', owner: 'Unit C.2' });
const written = b.sections.find((s: { kind: string }) => s.kind === 'markdown' || s.kind === 'objectives') ?? b.sections[0];
if (written) await call('section.update', { id: written.id, content: 'Secure support for the **decent work** agenda.\n\n1. Lines to take\n2. Defensive points' });
await call('version.save', { briefingId: b.id, name: 'Sent for review' });
await call('snippet.save', { topic: 'Just transition', title: 'Standard line', text: 'We support a just transition that leaves no one behind.' });

const counts = ['institutions', 'contacts', 'meetings', 'briefings', 'sections', 'briefing_versions', 'snippets']
  .filter((t) => ctx.db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = ?`).get(t))
  .map((t) => `${t} ${(ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`);
ctx.db.pragma('wal_checkpoint(TRUNCATE)');
ctx.db.close();
console.log(`Wrote ${out} (schema ${version}): ${counts.join(', ')}`);
