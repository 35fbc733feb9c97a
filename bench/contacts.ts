/**
 * Contacts benchmark (issues 4, 18): import 100,000 generated vCard 4.0 contacts through contact.importCommit into a
 * file database, against a raw better-sqlite3 insert loop of the same rows (contacts with their sort name, phones,
 * e-mails, search index) in the same run, interleaved (raw, import, raw, import; the best of each counts); how
 * often the import reported progress and how much heap it held; then search over them with search.query (200
 * queries as people type them, each timed as the best of 3 passes) and whether a name typed out comes first.
 * Both sides build the contact tables' indexes once, at the end of their transaction (store/deferred-indexes.ts),
 * and write without capture's insert triggers; the import reads and checks the cards on a reader thread beside its
 * writer (main/ops/contact-read.ts; bundled, as the app starts it), so on two cores its time is mostly the writer's,
 * and the ratio shows what the store's write path and the hand-over add.
 * Targets: import ≤ 1.5× the raw loop and ≤ 5 s; search p95 ≤ 2 ms, results ranked.
 * Run alone: `npx tsx bench/contacts.ts` (BENCH_CONTACTS=20000 for a quicker run).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ContactData } from '../main/formats/contact-data';
import { readVCards } from '../main/formats/vcard';
import { writeVCards } from '../main/formats/vcard-write';
import { dispatch } from '../main/ops/index';
import { openDossier } from '../main/ops/open';
import { openDb } from '../main/store/db';
import { deferIndexes } from '../main/store/deferred-indexes';
import { fold, optimizeIndex } from '../main/store/search';
import { deferInsertCapture, positionalGid, randomGid } from '../main/store/sync/schema';
import { rng } from '../main/test-support/rng';
import { startBundledThreadsFrom } from '../main/ops/threads';
import { buildCli } from '../scripts/build-cli';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
/**
 * CPU time of this thread alone, in ms (Linux: /proc; null elsewhere). The process's CPU time counts the import's
 * reader thread too, so it is the writer's time (what the two cores cannot share) that this tells apart.
 */
function threadCpu(): number | null {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks, 100 a second on Linux
  } catch {
    return null;
  }
}
/** Wall-clock and CPU time of `fn` (the process's, and this thread's): on a shared, loaded machine CPU time is the steadier figure. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; wall: number; cpu: number; thread: number | null }> {
  const [c0, t0, th0] = [process.cpuUsage(), performance.now(), threadCpu()];
  const value = await fn();
  const c = process.cpuUsage(c0);
  const th1 = threadCpu();
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, thread: th0 === null || th1 === null ? null : th1 - th0 };
}
const both = (t: { wall: number; cpu: number; thread: number | null }) => `${secs(t.wall)} wall, ${secs(t.cpu)} CPU${t.thread === null ? '' : ` (${secs(t.thread)} on this thread)`}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toLocaleString('en');

/**
 * The raw baseline: the same rows written with prepared statements in one transaction, no reading, validation or
 * matching: what the store cannot do with less. The sort name is part of a contact's row (the list sorts by it).
 * It writes the way the store writes best, as a bulk import into an empty dossier does: each row's team gid given
 * with the row, capture's insert triggers set aside meanwhile (with the gid given they do nothing, but cost every
 * insert a statement journal: store/sync/schema.ts), the search entries queued and written 5,000 at a time and
 * merged into one segment at the end (store/search.ts), and the contact tables' indexes dropped at the start and
 * built again before the commit (store/deferred-indexes.ts). What the import does besides (reading, checking,
 * matching the cards, on a reader thread beside its writer) is what the ratio measures.
 */
export function rawInsert(path: string, contacts: ContactData[]): void {
  const db = openDb(path);
  try {
    const now = new Date().toISOString();
    const instIds = new Map<string, number>();
    const insInst = db.prepare('INSERT INTO institutions (parent_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const insContact = db.prepare(
      `INSERT INTO contacts (honorific, given_name, family_name, sort_name, position, institution_id, website, languages, notes, internal, source, information_dated, created_at, updated_at, gid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insPhone = db.prepare('INSERT INTO contact_phones (contact_id, position, label, value, e164, gid) VALUES (?, ?, ?, ?, ?, ?)');
    const insEmail = db.prepare('INSERT INTO contact_emails (contact_id, position, label, value, gid) VALUES (?, ?, ?, ?, ?)');
    const insFts = db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
    let queued: [number, string, string][] = [];
    const flush = () => {
      for (const q of queued) insFts.run(...q);
      db.exec('SAVEPOINT search_batch; RELEASE search_batch'); // one segment per batch, as IndexBatch writes it
      queued = [];
    };
    db.transaction(() => {
      const rebuildIndexes = deferIndexes(db, ['contacts', 'contact_phones', 'contact_emails']);
      const restoreCapture = deferInsertCapture(db, ['contacts', 'contact_phones', 'contact_emails']);
      for (const c of contacts) {
        let parent: number | null = null;
        for (const name of c.institutionNames) {
          const key = `${parent}/${name}`;
          let id = instIds.get(key);
          if (id === undefined) instIds.set(key, (id = Number(insInst.run(parent, name, now, now).lastInsertRowid)));
          parent = id;
        }
        const gid = randomGid();
        const id = Number(
          insContact.run(
            c.honorific,
            c.givenName,
            c.familyName,
            fold(`${c.familyName} ${c.givenName}`).trim(),
            c.position,
            parent,
            c.website,
            JSON.stringify(c.languages),
            c.notes,
            c.internal ? 1 : 0,
            c.source,
            c.informationDated,
            now,
            now,
            gid,
          ).lastInsertRowid,
        );
        c.phones.forEach((p, i) => insPhone.run(id, i, p.label, p.value, p.e164, positionalGid('contact_phones', gid, i)));
        c.emails.forEach((e, i) => insEmail.run(id, i, e.label, e.value, positionalGid('contact_emails', gid, i)));
        queued.push([id * 8 + 2, fold(`${c.givenName} ${c.familyName}`), fold([c.position, ...c.institutionNames, ...c.emails.map((e) => e.value), c.notes].join(' '))]);
        if (queued.length === 5000) flush();
      }
      flush();
      rebuildIndexes();
      restoreCapture();
      // The institutions' search entries last, so the index is written in rowid order; then merged into one segment.
      for (const [key, id] of instIds) insFts.run(id * 8 + 1, fold(key.slice(key.indexOf('/') + 1)), '');
      optimizeIndex(db);
    })();
  } finally {
    db.close();
  }
}

const IMPORT_RATIO = 1.5;
const IMPORT_MS = 5000;
const SEARCH_P95_MS = 2;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function benchContacts(n = Number(process.env.BENCH_CONTACTS ?? 100_000)): Promise<string[]> {
  setFlagsFromString('--expose-gc'); // for the held-memory figure (a new context then has gc())
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-contacts-'));
  try {
    // The import's reader thread as the app starts it: bundled (scripts/build-cli.ts), not compiled from the sources.
    await buildCli();
    startBundledThreadsFrom(join(ROOT, '.build'));
    const contacts = generateContacts(n);
    const vcf = writeVCards(contacts);
    const read = await timed(() => readVCards(vcf, 'bench.vcf'));

    // Interleaved, so both see the same load; each run on a new file.
    const raws: Awaited<ReturnType<typeof timed<void>>>[] = [];
    const imports: { wall: number; cpu: number; thread: number | null; reports: number; gap: number; heap: number }[] = [];
    let ctx: ReturnType<typeof openDossier> | null = null;
    for (let run = 0; run < 2; run++) {
      raws.push(await timed(() => rawInsert(join(dir, `raw-${run}.db`), contacts)));
      ctx?.db.close();
      const dbPath = join(dir, `import-${run}.db`);
      let [reports, last, gap, heap] = [0, 0, 0, 0];
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      ctx = {
        ...openDossier({ path: dbPath }),
        progress: () => {
          const t = performance.now();
          if (reports++) gap = Math.max(gap, t - last);
          last = t;
          heap = Math.max(heap, process.memoryUsage().heapUsed - heap0);
        },
      };
      const c = ctx;
      const imp = await timed(() => dispatch(c, 'contact.importCommit', { format: 'vcard', content: vcf, fileName: 'bench.vcf' }));
      if (imp.value.created.length !== n) throw new Error(`expected ${n} contacts, imported ${imp.value.created.length}`);
      imports.push({ wall: imp.wall, cpu: imp.cpu, thread: imp.thread, reports, gap, heap });
    }
    // What the import holds, as opposed to garbage not yet collected (the heap figures above): one more import, not
    // timed, with a full collection at every tenth progress report.
    const gc = runInNewContext('gc') as () => void;
    const retained: number[] = [];
    {
      gc();
      const base = process.memoryUsage().heapUsed;
      let k = 0;
      const m = { ...openDossier({ path: join(dir, 'memory.db') }), progress: () => void (k++ % 10 === 0 && (gc(), retained.push(process.memoryUsage().heapUsed - base))) };
      try {
        await dispatch(m, 'contact.importCommit', { format: 'vcard', content: vcf, fileName: 'bench.vcf' });
      } finally {
        m.db.close();
      }
    }
    const best = <T extends { wall: number }>(xs: T[]) => xs.reduce((a, b) => (b.wall < a.wall ? b : a));
    const [raw, imp] = [best(raws), best(imports)];
    const ratio = imp.wall / raw.wall;
    const db = ctx!.db;
    try {
      // Queries as people type them: a family name, a given name, "given family", a prefix, a unit word.
      const q = rng(7);
      const pick = <T>(list: readonly T[]) => list[Math.floor(q() * list.length)]!;
      const queries = Array.from({ length: 200 }, (_, i) => {
        const c = pick(contacts);
        return [c.familyName, c.givenName, `${c.givenName} ${c.familyName}`, c.familyName.slice(0, 3), pick(UNITS).split(' ')[0]!][i % 5]!;
      });
      const times = queries.map(() => Infinity);
      let hits = 0;
      let namedFirst = 0;
      for (let pass = 0; pass < 3; pass++) {
        for (const [i, query] of queries.entries()) {
          const t = performance.now();
          const found = await dispatch(ctx!, 'search.query', { query });
          times[i] = Math.min(times[i]!, performance.now() - t);
          if (pass > 0) continue;
          hits += found.length;
          // A name typed out in full: the person of that name comes first (honorific aside).
          if (i % 5 === 2 && fold(found[0]?.title ?? '').endsWith(fold(query))) namedFirst++;
        }
      }
      times.sort((a, b) => a - b);
      const p95 = pct(times, 95);
      const fullNames = queries.filter((_, i) => i % 5 === 2).length;
      const busy = loadavg()[0]! > availableParallelism() ? ` (machine busy: load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)` : '';
      return [
        `Contacts: ${fmt(n)} generated vCard 4.0 contacts (${(Buffer.byteLength(vcf) / 1e6).toFixed(1)} MB), file databases in ${tmpdir()}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`,
        `  import via contact.importCommit (read, validate, match, dedupe, insert, index): ${both(imp)} best of ${imports.length} (${fmt(Math.round(n / (imp.wall / 1000)))} contacts/s; runs ${imports.map((r) => secs(r.wall)).join(', ')})`,
        `    progress reported ${imp.reports} times, never more than ${imp.gap.toFixed(0)} ms apart; heap used at most ${(imp.heap / 1e6).toFixed(0)} MB above the start, garbage included (the file itself is ${(vcf.length * 2 / 1e6).toFixed(0)} MB in memory); held after a full collection: ${retained.map((b) => (b / 1e6).toFixed(1)).join(', ')} MB`,
        `    for comparison, reading the vCards alone into an array (readVCards):     ${both(read)}`,
        `  raw better-sqlite3 insert loop, same rows, one transaction:               ${both(raw)} best of ${raws.length} (runs ${raws.map((r) => secs(r.wall)).join(', ')})`,
        `  import / raw: ${ratio.toFixed(2)}× wall, ${(imp.cpu / raw.cpu).toFixed(2)}× CPU${imp.thread !== null && raw.thread ? `, ${(imp.thread / raw.thread).toFixed(2)}× this thread's CPU (the writer's)` : ''} (paired runs: ${imports.map((r, i) => (r.wall / raws[i]!.wall).toFixed(2)).join(', ')})`,
        `  search.query over ${fmt(n)} contacts, ${queries.length} queries (${fmt(hits)} hits), best of 3 passes each: p50 ${pct(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; the named person first for ${namedFirst} of ${fullNames} full names`,
        `  targets: import ≤ ${IMPORT_RATIO}× raw: ${ratio.toFixed(2)}× ${verdict(ratio <= IMPORT_RATIO)}; import ≤ ${IMPORT_MS / 1000} s: ${secs(imp.wall)} ${verdict(imp.wall <= IMPORT_MS)}; search p95 ≤ ${SEARCH_P95_MS} ms: ${p95.toFixed(2)} ms ${verdict(p95 <= SEARCH_P95_MS)}; ranked (named person first every time): ${verdict(namedFirst === fullNames)}${busy}`,
      ];
    } finally {
      db.close();
    }
  } finally {
    startBundledThreadsFrom(null);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchContacts().then((lines) => console.log(lines.join('\n')));
}
