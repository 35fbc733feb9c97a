/**
 * Checks of a finished PDF with the tools a reviewer would use (poppler-utils and qpdf), for the pack tests.
 * Test support only: nothing in the app imports this.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Writes bytes to a fresh temp file and returns its path. */
export function tempPdf(bytes: Uint8Array, name = 'pack.pdf'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-pack-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** `qpdf --check`: exit status and output. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** `pdfinfo` as key → value. */
export function pdfInfo(file: string): Record<string, string> {
  return Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** `pdffonts` rows: name, type and whether the font is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Text of every page (`pdftotext`), index 0 = page 1. */
export function pageTexts(file: string): string[] {
  const pages = run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f');
  if (pages[pages.length - 1] === '') pages.pop();
  return pages;
}

/** Text of one page, the way a reviewer checks it: `pdftotext -f N -l N`. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
}

interface QpdfJson {
  pages: { object: string }[];
  outlines: { title: string; destpageposfrom1: number }[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
}

/** Outline entries with the page they open, and every GoTo link with the page its named destination is on. */
export function navigation(file: string): { outline: { title: string; page: number }[]; links: { page: number; target: number }[] } {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=pages', '--json-key=outlines', '--json-key=qpdf', file])) as QpdfJson;
  const objects = json.qpdf[1];
  const value = (ref: unknown) => objects[`obj:${String(ref)}`]?.value;
  const pageOf = new Map(json.pages.map((p, i) => [p.object, i + 1]));
  // Named destinations: pdfkit writes one name tree node with a flat Names array.
  const trailer = objects['trailer']?.value as { '/Root': string };
  const names = value(value(trailer['/Root'])?.['/Names']) as { '/Dests': unknown } | undefined;
  const node = typeof names?.['/Dests'] === 'string' ? value(names['/Dests']) : names?.['/Dests'];
  const flat = ((node ?? {}) as { '/Names'?: unknown[] })['/Names'] ?? [];
  const dests = new Map<string, number>();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const dest = (Array.isArray(flat[i + 1]) ? flat[i + 1] : value(flat[i + 1])) as string[];
    dests.set(String(flat[i]).replace(/^u:/, ''), pageOf.get(dest[0]!) ?? -1);
  }
  const links: { page: number; target: number }[] = [];
  json.pages.forEach((p, i) => {
    const annots = (value(p.object)?.['/Annots'] ?? []) as string[];
    for (const a of annots) {
      const action = value(value(a)?.['/A']) as { '/S'?: string; '/D'?: string } | undefined;
      if (action?.['/S'] === '/GoTo') links.push({ page: i + 1, target: dests.get(String(action['/D']).replace(/^u:/, '')) ?? -1 });
    }
  });
  return { outline: json.outlines.map((o) => ({ title: o.title, page: o.destpageposfrom1 })), links };
}

/** Share of clearly red pixels in the middle of a page rendered at 20 dpi: where the DRAFT mark sits. */
export function redShareInMiddle(file: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', String(page), '-l', String(page), file], { maxBuffer: 16 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.toString('latin1', 0, 40))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let red = 0;
  let total = 0;
  for (let y = Math.floor(h * 0.25); y < h * 0.75; y++) {
    for (let x = Math.floor(w * 0.15); x < w * 0.85; x++) {
      const i = (y * w + x) * 3;
      total++;
      if (data[i]! > 140 && data[i + 1]! < 140 && data[i + 2]! < 140 && data[i]! - data[i + 1]! > 40) red++;
    }
  }
  return red / total;
}
