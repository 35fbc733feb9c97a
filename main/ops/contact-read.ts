/**
 * An import's records read, matched to the stored institutions and checked against the contact model: everything an
 * import does to a record that needs no database. A large vCard file is read on a thread of its own beside the writer
 * (issue 18): on two cores the reading (parsing, phone numbers, checks: half an import's CPU) runs while the writer
 * writes. The reader hands its records over in file order, a batch at a time and at most a few batches ahead, so
 * memory stays flat; the writer takes them synchronously inside its one write transaction (receiveMessageOnPort,
 * waiting on a shared counter), so the import stays all or nothing. Cancelling or failing stops the reader too.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { DossierError, type ErrorData } from '../../contract/errors';
import { ContactInput, type ContactProposal, type Institution, type InstitutionMatch, type RejectedRecord } from '../../contract/model';
import { contactInputFast } from '../../contract/model/contact-fast';
import { reresolvePhones } from '../formats/phone-region';
import { isRejected, vCardRecords } from '../formats/vcard';
import type { CardCursor } from '../formats/vcard-lines';
import type { ContactFields } from '../store/contacts';
import type { InstitutionMatcher } from './contact-io-match';
import { startThread } from './threads';

/** The proposal as ContactInput fields; a value the contact model refuses stops the import, naming file and line. */
export function validate(p: ContactProposal): ContactFields | RejectedRecord {
  // No photo in the file means "keep the stored one" when a duplicate is updated.
  const input = { ...p, institutionId: null, photo: p.photo ?? undefined };
  // Most records are already in the schema's form; the schema itself decides the rest (and words the errors).
  const fast = contactInputFast(input);
  if (fast) return fast;
  const r = ContactInput.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  return { line: p.line, reason: `${issue.path.map(String).join('.')}: ${issue.message}` };
}

/** The proposal's institution match; national numbers re-read if the matched seat tells their country. */
export function matchProposal(matcher: InstitutionMatcher, p: ContactProposal, region: string | null): InstitutionMatch {
  const institution = matcher.match(p);
  // The proposal is this reader's own fresh object: set the match on it rather than copy it (imports make 100,000).
  p.institutionId = institution.institutionId;
  const seat = institution.institutionId === null ? null : matcher.seat(institution.institutionId);
  if (seat) p.phoneRegion = reresolvePhones(p, p.phoneRegion, seat, region);
  return institution;
}

/** What a stored duplicate is looked for by (with the matched institution): names only if no unit is still to be created. */
export interface DedupeKey {
  givenName: string;
  familyName: string;
  emails: { value: string }[];
}
export function dedupeKey(p: ContactProposal, institution: InstitutionMatch): DedupeKey {
  // A contact headed for a unit still to be created cannot share a name and institution with a stored one; its e-mail still can.
  const byName = institution.create.length === 0;
  return { givenName: byName ? p.givenName : '', familyName: byName ? p.familyName : '', emails: p.emails.map((e) => ({ value: e.value })) };
}

/**
 * One record as the writer takes it: a contact to write (`i`, its index in the preview, which `overrides` use), a
 * contact read after the file was already refused (counted, not kept), or a record that cannot be imported (with
 * `i` when it was read but refused by the checks).
 */
export type Checked = { i: number; institution: UnitMatch; f: ContactFields; key?: DedupeKey } | { i: number; institution: null } | (RejectedRecord & { i?: number });
/** What the writer needs of an institution match: the stored unit, and the names to create under it. */
export type UnitMatch = Pick<InstitutionMatch, 'institutionId' | 'create'>;

export interface CheckOptions {
  /** Leave out records that cannot be imported; otherwise the first refuses the file and later ones are only counted. */
  skipInvalid: boolean;
  /** The dossier holds contacts a record may duplicate: give each record's dedupe key. */
  dedupe: boolean;
}

/** How far checking has got: the index the next record gets, and whether the file is refused already. */
export interface CheckState {
  i: number;
  refusing: boolean;
}

/**
 * The file's records in file order, each read, matched (first: the seat's country can re-read phone numbers) and
 * checked. `state` is kept up to date, so another reader can go on where this one stopped.
 */
export function* checkRecords(
  records: Iterable<ContactProposal | RejectedRecord>,
  matcher: InstitutionMatcher,
  region: string | null,
  opts: CheckOptions,
  state: CheckState = { i: 0, refusing: false },
): Generator<Checked> {
  for (const r of records) {
    if (isRejected(r)) {
      state.refusing ||= !opts.skipInvalid;
      yield r;
      continue;
    }
    const index = state.i++;
    const institution = state.refusing ? null : matchProposal(matcher, r, region);
    const f = validate(r);
    if ('reason' in f) {
      state.refusing ||= !opts.skipInvalid;
      yield { ...f, i: index };
    } else if (institution === null || state.refusing) yield { i: index, institution: null };
    else yield opts.dedupe ? { i: index, institution, f, key: dedupeKey(r, institution) } : { i: index, institution, f };
  }
}

/**
 * A batch of records as one flat array of values, for the trip between threads: a structured clone of 1,000 records
 * as objects took the writer 3× longer to receive than the same values in one array (each object's fields are
 * rebuilt one by one). `unpack` gives back what went in (contact-read.test.ts holds them to it).
 */
export function pack(records: readonly Checked[]): unknown[] {
  const out: unknown[] = [];
  for (const r of records) {
    if ('reason' in r) {
      out.push(r.i === undefined ? 0 : 1, r.line, r.reason);
      if (r.i !== undefined) out.push(r.i);
    } else if (r.institution === null) out.push(2, r.i);
    else {
      const { i, institution, f, key } = r;
      out.push(3, i, institution.institutionId, institution.create.length, ...institution.create);
      out.push(f.honorific, f.givenName, f.familyName, f.position, f.institutionId, f.website, f.notes, f.internal, f.source, f.informationDated);
      out.push(f.phones.length);
      for (const p of f.phones) out.push(p.label, p.value, p.e164);
      out.push(f.emails.length);
      for (const e of f.emails) out.push(e.label, e.value);
      out.push(f.languages.length, ...f.languages);
      out.push(f.addresses.length);
      for (const a of f.addresses) out.push(a.label, a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country);
      out.push(f.otherDetails.length);
      for (const d of f.otherDetails) out.push(d.name, d.value, d.property);
      if (f.photo === undefined) out.push(0);
      else if (f.photo === null) out.push(1);
      else out.push(2, f.photo.mediaType, f.photo.dataBase64);
      if (key) {
        out.push(1, key.givenName, key.familyName, key.emails.length);
        for (const e of key.emails) out.push(e.value);
      } else out.push(0);
    }
  }
  return out;
}

export function* unpack(a: readonly unknown[]): Generator<Checked> {
  let k = 0;
  const next = <T>() => a[k++] as T;
  const list = <T>(n: number) => a.slice(k, (k += n)) as T[];
  const repeat = <T>(each: () => T) => Array.from({ length: next<number>() }, each);
  while (k < a.length) {
    const tag = next<number>();
    if (tag === 0) yield { line: next<number>(), reason: next<string>() };
    else if (tag === 1) yield { line: next<number>(), reason: next<string>(), i: next<number>() };
    else if (tag === 2) yield { i: next<number>(), institution: null };
    else {
      const i = next<number>();
      const institution: UnitMatch = { institutionId: next<number | null>(), create: list<string>(next<number>()) };
      const f: ContactFields = {
        honorific: next<string>(),
        givenName: next<string>(),
        familyName: next<string>(),
        position: next<string>(),
        institutionId: next<number | null>(),
        website: next<string>(),
        notes: next<string>(),
        internal: next<boolean>(),
        source: next<string>(),
        informationDated: next<string | null>(),
        phones: repeat(() => ({ label: next<string>(), value: next<string>(), e164: next<string | null>() })),
        emails: repeat(() => ({ label: next<string>(), value: next<string>() })),
        languages: list<string>(next<number>()),
        addresses: repeat(() => ({
          label: next<string>(), poBox: next<string>(), extended: next<string>(), street: next<string>(),
          locality: next<string>(), region: next<string>(), postalCode: next<string>(), country: next<string>(),
        })),
        otherDetails: repeat(() => ({ name: next<string>(), value: next<string>(), property: next<string>() })),
      };
      const photo = next<number>();
      if (photo === 1) f.photo = null;
      else if (photo === 2) f.photo = { mediaType: next<NonNullable<ContactFields['photo']>['mediaType']>(), dataBase64: next<string>() };
      if (next<number>() === 1) {
        const key: DedupeKey = { givenName: next<string>(), familyName: next<string>(), emails: [] };
        key.emails = repeat(() => ({ value: next<string>() }));
        yield { i, institution, f, key };
      } else yield { i, institution, f };
    }
  }
}

/** What a reader thread (contact-reader.ts) is started with: the file crosses once, at the start. */
export interface ReaderSetup {
  content: string;
  fileName: string;
  drop: readonly string[];
  port: MessagePort;
  /** Int32 counters and flags: see POSTED, TAKEN, STOP, READY. */
  state: SharedArrayBuffer;
}
/** Messages posted, messages taken; the writer stopped the reading; the reader is loaded and waits for its go. */
export const [POSTED, TAKEN, STOP, READY] = [0, 1, 2, 3];

/** What the writer sends from inside its transaction, as the dossier stands then: the reader starts reading on it. */
export interface ReaderGo extends CheckOptions {
  institutions: Institution[];
  region: string | null;
  /** Where to start: just after the card the writer read last (null: at the beginning), and the check state there. */
  from: { cursor: CardCursor | null } & CheckState;
  /** Records per message, and how many messages the reader may be ahead of the writer. */
  batch: number;
  ahead: number;
}

/** Reader → writer, over the setup's port. */
export type FromReader = { type: 'batch'; records: unknown[] } | { type: 'done' } | { type: 'failed'; error: ErrorData; bug?: string };

const BATCH = 1000;
const AHEAD = 4;
/** A reader that posts nothing for this long has died (out of memory: no message can say so). */
const SILENT_MS = 60_000;
const READER_HEAP_MB = 1024;
const silent = (file: string) =>
  new DossierError('invalid_input', `Reading ${file} stopped: the thread reading it no longer answered (the file may need more memory than Dossier allows its reader, ${READER_HEAP_MB} MB); nothing was changed.`, {
    details: { file, budget: 'memory', megabytes: READER_HEAP_MB },
  });

/** What the writer reads a file with, here and on the reader thread. */
export interface ReadPlan extends CheckOptions {
  content: string;
  fileName: string;
  drop: readonly string[];
  institutions: Institution[];
  matcher: InstitutionMatcher;
  region: string | null;
  /** Hand over after this many records, waiting for the thread if need be (tests; default: as soon as it is ready). */
  handOverAt?: number;
}

/**
 * A vCard file's records as the writer takes them, read on a reader thread. The thread takes a moment to start (it
 * loads the reading code; more from the sources through tsx), so the writer reads here until it is ready, then hands
 * it the rest of the file from just after the last card read here, and takes its records. `waiting` is called while
 * the writer waits for records (it throws to cancel). Returning or throwing stops the thread.
 */
export function* readBeside(plan: ReadPlan, waiting: () => void): Generator<Checked> {
  const { content, fileName, drop } = plan;
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(16));
  const setup: ReaderSetup = { content, fileName, drop, port: port2, state: state.buffer as SharedArrayBuffer };
  // Held to a heap of its own (the lane's budget does not reach another thread): the file (at most 64 MB of text), and
  // a few batches. Past it the thread stops, and the writer fails the import when it stays silent.
  const worker = startThread('contact-reader', { workerData: setup, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB } });
  // Its failures reach the writer as messages (or as silence); the event only must not go unheard.
  worker.on('error', () => {});
  try {
    const cursor: CardCursor & { atCard?: boolean } = { offset: 0, line: 0 };
    const checked: CheckState = { i: 0, refusing: false };
    const checks = { skipInvalid: plan.skipInvalid, dedupe: plan.dedupe };
    const here = checkRecords(vCardRecords(content, fileName, { region: plan.region, drop, cursor }), plan.matcher, plan.region, checks, checked);
    const ready = () => Atomics.load(state, READY) === 1;
    let taken = 0;
    for (;;) {
      // Hand over at the start, or just after a card (not amid the refusals read before the next one).
      if ((taken === 0 || cursor.atCard) && (plan.handOverAt === undefined ? ready() : taken >= plan.handOverAt)) break;
      const r = here.next();
      if (r.done) return;
      taken++;
      yield r.value;
    }
    here.return(undefined);
    for (const since = performance.now(); !ready(); ) {
      waiting();
      if (Atomics.wait(state, READY, 0, 100) === 'timed-out' && performance.now() - since > SILENT_MS) throw silent(fileName);
    }
    const from = { cursor: taken === 0 ? null : { offset: cursor.offset, line: cursor.line }, ...checked };
    port1.postMessage({ ...checks, institutions: plan.institutions, region: plan.region, from, batch: BATCH, ahead: AHEAD } satisfies ReaderGo);
    let silentSince = performance.now();
    for (;;) {
      const posted = Atomics.load(state, POSTED);
      const got = receiveMessageOnPort(port1);
      if (!got) {
        waiting();
        if (Atomics.wait(state, POSTED, posted, 100) === 'timed-out' && performance.now() - silentSince > SILENT_MS) {
          throw silent(fileName);
        }
        continue;
      }
      silentSince = performance.now();
      Atomics.add(state, TAKEN, 1);
      Atomics.notify(state, TAKEN);
      const m = got.message as FromReader;
      if (m.type === 'batch') yield* unpack(m.records);
      else if (m.type === 'done') return;
      else if (m.bug) throw new Error(`The contact reader failed: ${m.bug}`);
      else throw DossierError.from(m.error);
    }
  } finally {
    Atomics.store(state, STOP, 1);
    Atomics.notify(state, TAKEN);
    port1.close();
    void worker.terminate();
  }
}
