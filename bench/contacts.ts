/**
 * Contacts benchmark (issue 4): import 100,000 generated vCard contacts through contact.importCommit into a file
 * database, against a raw better-sqlite3 insert loop of the same rows (contacts, phones, e-mails, search index)
 * in the same run; then search over them with search.query (p50/p95 of 200 queries).
 * Run alone: `npx tsx bench/contacts.ts` (BENCH_CONTACTS=20000 for a quicker run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContactData } from '../main/formats/contact-data';
import { readVCards } from '../main/formats/vcard';
import { writeVCards } from '../main/formats/vcard-write';
import { dispatch } from '../main/ops/index';
import { openDossier } from '../main/ops/open';
import { openDb } from '../main/store/db';
import { fold } from '../main/store/search';

// A small deterministic generator (mulberry32), so every run imports the same dossier.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Anna-Lena', 'Jürgen', 'Ayşe', 'Małgorzata', 'Ελένη', 'Дмитрий', 'François', 'Zoë', 'Søren', 'Björn', 'José', 'Inês', 'Čeněk', 'Åsa', 'Łukasz', 'Thoralf', 'Claire', 'Pieter', 'Siobhán', 'Nuño', 'Héloïse', 'Jonas', 'Mehmet', 'Agnieszka', 'Γιώργος', 'Olga', 'Raúl', 'Émilie', 'Jan', 'Małgosia'];
const FAMILY = ['Müller', 'Özdemir', 'Kowalska', 'Παπαδοπούλου', 'Иванов', 'Dubois', 'van der Berg', 'de Vries', 'Weiß', 'Sørensen', 'García', 'Gonçalves', 'Dvořák', 'Lindqvist', 'Wiśniewski', 'Stenvold', 'Lefèvre', 'De Smet', 'Ó Briain', 'Núñez', 'Brontë', 'Yılmaz', 'Nowak', 'Γεωργίου', 'Petrović', 'Fernández', 'Château', 'von Braun', 'Jansen', 'Kühn'];
// Family names composed from pieces of several languages, so 100,000 contacts carry a few thousand distinct names
// (as a real address book does) rather than thirty.
const STEMS = ['Mül', 'Öz', 'Kowal', 'Papado', 'Ivan', 'Dub', 'Berg', 'Vries', 'Weiß', 'Sø', 'Garc', 'Gonç', 'Dvoř', 'Lind', 'Wiśn', 'Sten', 'Lefè', 'Smet', 'Briai', 'Núñ', 'Brön', 'Yıl', 'Now', 'Georg', 'Petr', 'Fernán', 'Chât', 'Braun', 'Jans', 'Kühn', 'Haß', 'Łuk', 'Żeb', 'Çel', 'Åber', 'Ølst', 'Škod', 'Ferr', 'Mart', 'Rossi'];
const ENDS = ['ler', 'demir', 'ska', 'poulou', 'ov', 'ois', 'mann', 'ink', 'ensen', 'ía', 'alves', 'ák', 'qvist', 'iewski', 'vold', 'vre', 'aert', 'n', 'ez', 'te', 'maz', 'ak', 'iou', 'ović', 'dez', 'eau', 'er', 'sen', 'e', 'feld', 'asz', 'rowski', 'ik', 'hus', 'ad', 'ová', 'ari', 'ins', 'i', 'berg'];
const familyName = (pick: <T>(l: readonly T[]) => T) => (pick([0, 1, 2, 3]) === 0 ? pick(FAMILY) : `${pick(['', '', '', '', 'van ', 'de ', 'von '])}${pick(STEMS)}${pick(ENDS)}`);
const POSITIONS = ['Senior Specialist', 'Desk Officer', 'Head of Unit', 'Policy Adviser', 'Referentin', 'Beleidsmedewerker', 'Chargée de mission', 'Counsellor', 'Economist', 'Director'];
const ORGS = ['International Labour Organization', 'Organisation for Economic Co-operation and Development', 'World Bank', 'International Monetary Fund', 'European Commission', 'Bundesministerium für Arbeit und Soziales', 'Ministerie van Sociale Zaken en Werkgelegenheid', 'Ministère du Travail', 'United Nations Economic and Social Council', 'Group of Twenty'];
const UNITS = ['Multilateral Cooperation Department', 'Employment Policy Department', 'Directorate for Employment, Labour and Social Affairs', 'DG EMPL', 'Referat VI a 2', 'Directie Internationale Zaken', 'Délégation aux affaires européennes et internationales'];
// Numbers of real plans, so libphonenumber accepts them: Geneva, Berlin, Paris, Brussels, The Hague.
const PHONES: [string, (n: string) => string][] = [
  ['+4122', (n) => `+41 22 799 ${n.slice(0, 2)} ${n.slice(2, 4)}`],
  ['+4930', (n) => `+49 30 18527 ${n}`],
  ['+331', (n) => `+33 1 45 24 ${n.slice(0, 2)} ${n.slice(2, 4)}`],
  ['+322', (n) => `+32 2 299 ${n.slice(0, 2)} ${n.slice(2, 4)}`],
  ['+3170', (n) => `+31 70 333 ${n}`],
];

export function generateContacts(n: number): ContactData[] {
  const r = rng(4);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const [givenName, family] = [pick(GIVEN), familyName(pick)];
    const org = pick(ORGS);
    const digits = String(Math.floor(r() * 10_000)).padStart(4, '0');
    const [, format] = pick(PHONES);
    const written = format(digits);
    return {
      honorific: pick(['', 'Mr.', 'Ms.', 'Dr.', 'Frau', 'Mme', 'Dhr.']),
      givenName,
      familyName: family,
      position: pick(POSITIONS),
      institutionNames: r() < 0.5 ? [org] : [org, pick(UNITS)],
      phones: [{ label: 'work', value: written, e164: written.replace(/ /g, '') }],
      emails: [{ label: 'work', value: `${fold(givenName).replace(/[^a-z]/g, '') || 'x'}.${fold(family).replace(/[^a-z]/g, '') || 'y'}.${i}@example.org` }],
      website: '',
      languages: r() < 0.5 ? ['en', 'fr'] : ['de', 'en'],
      notes: r() < 0.2 ? 'Met at the G20 EWG, Geneva; follows the WPSDG agenda.' : '',
      internal: r() < 0.05,
      source: 'Benchmark',
      informationDated: r() < 0.8 ? `20${String(15 + Math.floor(r() * 11))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}` : null,
      addresses: [],
      photo: null,
      otherDetails: [],
    };
  });
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Wall-clock and CPU time of `fn`: on a shared, loaded machine the CPU time is the steadier figure. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const [c0, t0] = [process.cpuUsage(), performance.now()];
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}
const both = (t: { wall: number; cpu: number }) => `${secs(t.wall)} wall, ${secs(t.cpu)} CPU`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toLocaleString('en');

/** The raw baseline: the same rows written with prepared statements in one transaction, no validation or matching. */
function rawInsert(path: string, contacts: ContactData[]): void {
  const db = openDb(path);
  try {
    const now = new Date().toISOString();
    const instIds = new Map<string, number>();
    const insInst = db.prepare('INSERT INTO institutions (parent_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const insContact = db.prepare(
      `INSERT INTO contacts (honorific, given_name, family_name, position, institution_id, website, languages, notes, internal, source, information_dated, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insPhone = db.prepare('INSERT INTO contact_phones (contact_id, position, label, value, e164) VALUES (?, ?, ?, ?, ?)');
    const insEmail = db.prepare('INSERT INTO contact_emails (contact_id, position, label, value) VALUES (?, ?, ?, ?)');
    const insFts = db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const c of contacts) {
        let parent: number | null = null;
        for (const name of c.institutionNames) {
          const key = `${parent}/${name}`;
          let id = instIds.get(key);
          if (id === undefined) instIds.set(key, (id = Number(insInst.run(parent, name, now, now).lastInsertRowid)));
          parent = id;
        }
        const id = Number(
          insContact.run(c.honorific, c.givenName, c.familyName, c.position, parent, c.website, JSON.stringify(c.languages), c.notes, c.internal ? 1 : 0, c.source, c.informationDated, now, now).lastInsertRowid,
        );
        c.phones.forEach((p, i) => insPhone.run(id, i, p.label, p.value, p.e164));
        c.emails.forEach((e, i) => insEmail.run(id, i, e.label, e.value));
        insFts.run(id * 8 + 2, fold(`${c.givenName} ${c.familyName}`), fold([c.position, ...c.institutionNames, ...c.emails.map((e) => e.value), c.notes].join(' ')));
      }
    })();
  } finally {
    db.close();
  }
}

export async function benchContacts(n = Number(process.env.BENCH_CONTACTS ?? 100_000)): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-contacts-'));
  try {
    const contacts = generateContacts(n);
    const vcf = writeVCards(contacts);
    const read = await timed(() => readVCards(vcf, 'bench.vcf'));

    const dbPath = join(dir, 'import.db');
    const ctx = openDossier({ path: dbPath });
    try {
      const imp = await timed(() => dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: vcf, fileName: 'bench.vcf' }));
      if (imp.value.created.length !== n) throw new Error(`expected ${n} contacts, imported ${imp.value.created.length}`);
      const raw = await timed(() => rawInsert(join(dir, 'raw.db'), contacts));

      // Queries as people type them: a family name, a given name, "given family", a prefix, a unit word.
      const q = rng(7);
      const pick = <T>(list: readonly T[]) => list[Math.floor(q() * list.length)]!;
      const queries = Array.from({ length: 200 }, (_, i) => {
        const c = pick(contacts);
        return [c.familyName, c.givenName, `${c.givenName} ${c.familyName}`, c.familyName.slice(0, 3), pick(UNITS).split(' ')[0]!][i % 5]!;
      });
      const times: number[] = [];
      let hits = 0;
      for (const query of queries) {
        const t = performance.now();
        hits += (await dispatch(ctx, 'search.query', { query })).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return [
        `Contacts: ${fmt(n)} generated vCard 4.0 contacts (${(Buffer.byteLength(vcf) / 1e6).toFixed(1)} MB), file databases in ${tmpdir()}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`,
        `  import via contact.importCommit (read, validate, match, dedupe, insert, index): ${both(imp)} (${fmt(Math.round(n / (imp.wall / 1000)))} contacts/s)`,
        `    of which reading the vCards (formats/vcard.ts):                              ${both(read)}`,
        `  raw better-sqlite3 insert loop, same rows, one transaction:                    ${both(raw)}`,
        `  import / raw: ${(imp.wall / raw.wall).toFixed(1)}× wall, ${(imp.cpu / raw.cpu).toFixed(1)}× CPU`,
        `  search.query over ${fmt(n)} contacts, ${queries.length} queries (${fmt(hits)} hits): p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms`,
      ];
    } finally {
      ctx.db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchContacts().then((lines) => console.log(lines.join('\n')));
}
