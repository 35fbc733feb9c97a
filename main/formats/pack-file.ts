/**
 * The files a Dossier pack carries (contract/pack-file.ts), read and written. Reading takes the PDF's embedded files
 * (its EmbeddedFiles name tree) with pdfjs-dist, which copes with compressed streams and object streams however the
 * PDF was rewritten since, and checks the two JSON files against their schemas. Writing gives the files in the
 * order they are attached, the manifest last with the size and SHA-256 of the others.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DossierError } from '../../contract/errors';
import { PACK_FILES, PACK_FORMAT, PACK_LIMITS, PackBriefingJson, PackManifest } from '../../contract/pack-file';
import { checkPdfStreams } from './pdf-streams';

/** A file to attach to the pack (the shape of the pack builder's PackAttachment). */
export interface PackFile {
  name: string;
  type: string;
  description: string;
  content: Buffer;
}

/** What a pack carries, checked: the manifest and the meeting always; the who's who and briefing when present. */
export interface PackContents {
  manifest: PackManifest;
  ics: string;
  vcf: string;
  json: PackBriefingJson | null;
  /** Names of every attached file, sorted. */
  names: string[];
}

/** The embedded files of a PDF by name. A file that is not a PDF is refused naming it. */
export async function readPdfAttachments(bytes: Uint8Array, fileName: string): Promise<Map<string, Buffer>> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new DossierError('invalid_input', `${fileName} is not a PDF file.`, { field: 'contentBase64', details: { file: fileName } });
  }
  // Untrusted: every compressed part is measured with a cap before the reader inflates anything (pdf-streams.ts).
  checkPdfStreams(bytes, fileName);
  // Loaded on first use: the PDF reader is large and only the pack import needs it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new DossierError('invalid_input', `${fileName} could not be read as a PDF (${(err as Error).message}).`, { field: 'contentBase64', details: { file: fileName } });
  }
  try {
    const found = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    return new Map(Object.values(found).map((a) => [a.filename, Buffer.from(a.content)]));
  } finally {
    await doc.destroy();
  }
}

/** An attached JSON file read through its schema; the error names the pack, the file and the field. */
function readJson<S extends z.ZodType>(schema: S, buf: Buffer, fileName: string, name: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8'));
  } catch {
    throw new DossierError('invalid_input', `${fileName}: the attached ${name} is not valid JSON.`, { field: 'contentBase64', details: { file: fileName, attachment: name } });
  }
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw new DossierError('invalid_input', `${fileName}: the attached ${name} does not fit a Dossier pack at ${field || 'the top'}: ${issue.message}`, {
    field: 'contentBase64',
    details: { file: fileName, attachment: name, field },
  });
}

const isDossierManifest = (buf: Buffer | undefined): buf is Buffer => {
  try {
    return buf !== undefined && (JSON.parse(buf.toString('utf8')) as { format?: unknown }).format === PACK_FORMAT;
  } catch {
    return false;
  }
};

const refused = (fileName: string, reason: string, details: Record<string, unknown>) =>
  new DossierError('invalid_input', `${fileName} was refused: ${reason} Nothing was imported.`, { field: 'contentBase64', details: { file: fileName, ...details } });

/**
 * The pack's files held to PACK_LIMITS before any is parsed (issue 15: a pack is untrusted input): so many files, so
 * many bytes each, so many people in the who's who. What is over a limit is refused with the file and the limit named.
 */
function checkLimits(files: Map<string, Buffer>, fileName: string): void {
  if (files.size > PACK_LIMITS.attachments) {
    throw refused(fileName, `it carries ${files.size} attached files; a Dossier pack carries at most ${PACK_LIMITS.attachments}.`, { limit: 'attachments', count: files.size });
  }
  for (const [name, limit] of Object.entries(PACK_LIMITS.bytes)) {
    const size = files.get(name)?.length ?? 0;
    if (size > limit) {
      throw refused(fileName, `the attached ${name} holds ${(size / 1024 / 1024).toFixed(1)} MB; a pack's ${name} holds at most ${limit / 1024 / 1024} MB.`, { attachment: name, limit: 'bytes', bytes: size });
    }
  }
  const people = files.get(PACK_FILES.people);
  if (people) {
    // Counted on the bytes, before the vCard reader builds anything.
    const cards = people.toString('latin1').match(/^BEGIN:VCARD/gim)?.length ?? 0;
    if (cards > PACK_LIMITS.people) {
      throw refused(fileName, `the attached ${PACK_FILES.people} lists ${cards} people; a pack's who's who lists at most ${PACK_LIMITS.people}.`, { attachment: PACK_FILES.people, limit: 'people', count: cards });
    }
  }
}

/**
 * Reads a Dossier pack PDF: refuses a PDF that is not one, a pack over PACK_LIMITS, and a pack whose data files do
 * not fit their schemas.
 */
export async function readPackFile(bytes: Uint8Array, fileName: string): Promise<PackContents> {
  const files = await readPdfAttachments(bytes, fileName);
  checkLimits(files, fileName);
  const manifest = files.get(PACK_FILES.manifest);
  const ics = files.get(PACK_FILES.meeting)?.toString('utf8');
  if (!isDossierManifest(manifest) || !ics) {
    throw new DossierError('invalid_input', `${fileName} is a PDF but not a Dossier pack: it carries no ${PACK_FILES.manifest} and ${PACK_FILES.meeting}.`, {
      field: 'contentBase64',
      details: { file: fileName, attachments: [...files.keys()] },
    });
  }
  const briefing = files.get(PACK_FILES.briefing);
  return {
    manifest: readJson(PackManifest, manifest, fileName, PACK_FILES.manifest),
    ics,
    vcf: files.get(PACK_FILES.people)?.toString('utf8') ?? '',
    json: briefing ? readJson(PackBriefingJson, briefing, fileName, PACK_FILES.briefing) : null,
    names: [...files.keys()].sort(),
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 1), 'utf8');

/**
 * The files to attach, in order: the meeting, the who's who (when anyone is on it), the briefing, and the manifest
 * listing the others. The JSON goes through its schema, so the pack never writes what its import would refuse.
 */
export function writePackFiles(input: {
  ics: string;
  vcf: string;
  briefing: z.input<typeof PackBriefingJson>;
  manifest: Omit<z.input<typeof PackManifest>, 'files'>;
  meetingTitle: string;
}): PackFile[] {
  const files: PackFile[] = [
    { name: PACK_FILES.meeting, type: 'text/calendar', description: `The meeting with its agenda (iCalendar): ${input.meetingTitle}`, content: Buffer.from(input.ics, 'utf8') },
    ...(input.vcf ? [{ name: PACK_FILES.people, type: 'text/vcard', description: 'Who’s who: delegation and counterparts (vCard 4.0)', content: Buffer.from(input.vcf, 'utf8') }] : []),
    { name: PACK_FILES.briefing, type: 'application/json', description: 'The briefing with its sections, outcomes and follow-up actions (JSON)', content: json(PackBriefingJson.parse(input.briefing)) },
  ];
  const manifest = PackManifest.parse({ ...input.manifest, files: files.map((f) => ({ name: f.name, type: f.type, bytes: f.content.length, sha256: sha256(f.content) })) });
  files.push({ name: PACK_FILES.manifest, type: 'application/json', description: 'Build manifest: app version, source briefing version, build date', content: json(manifest) });
  return files;
}
