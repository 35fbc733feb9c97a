/**
 * Release-grade packs on the command line: `preflight <id>` (findings with kind, message and where), `issue <id>`
 * (build, freeze and write the issued pack) and `addendum <id>` (the next addendum to the last issued pack).
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../ops/files';
import { UsageError, type Command } from '../command';
import { packTarget, variantOption } from './pack';

const pdfPath = (raw: unknown): string | undefined => {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/\.pdf$/i.test(raw)) throw new UsageError('--out needs a file name ending in .pdf');
  return resolve(raw);
};
const dateOption = (raw: unknown) => (typeof raw === 'string' ? { date: raw } : {});
/** "2026-11-23 WPSDG … (Full pack, Edition 1).pdf" in the current directory. */
const defaultName = (issuedAt: string, title: string) => resolve(`${issuedAt.slice(0, 10)} ${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}.pdf`);

export const preflight: Command = {
  name: 'preflight',
  summary: 'Check a pack before it goes out: stale contacts, empty briefs, budgets, unchanged lines, missing glyphs, TODOs.',
  usage: 'preflight <meeting-id|b<briefing-id>> [--date YYYY-MM-DD] [--json]',
  options: { date: { type: 'string' } },
  run: async ([target], values, env) => {
    const r = await env.call('pack.preflight', { ...packTarget(target), ...dateOption(values.date) });
    env.print(
      r.findings.map((f) => ({ kind: f.kind, message: f.message, where: f.where, route: f.route, decision: f.decision })),
      () =>
        r.findings.length === 0
          ? 'Nothing to check.'
          : [
              ...r.findings.map((f) => `${f.decision === 'accept' ? '  (accepted) ' : f.decision === 'flag' ? '  (flagged)  ' : '  '}${f.kind.padEnd(15)} ${f.message}`),
              ...(r.sides ? [`Written brief: ${r.sides.written} of ${r.sides.limit} sides.`] : []),
            ].join('\n'),
    );
  },
};

export const issue: Command = {
  name: 'issue',
  summary: 'Issue a pack: build it, freeze its PDF, SHA-256 and page map in the dossier, and write the PDF.',
  usage: 'issue <meeting-id|b<briefing-id>> [--variant full|releasable|runbook] [--out FILE.pdf] [--new-edition] [--date YYYY-MM-DD] [--json]',
  options: { out: { type: 'string' }, variant: { type: 'string' }, 'new-edition': { type: 'boolean', default: false }, date: { type: 'string' } },
  run: async ([target], values, env) => {
    const r = await env.call('pack.issue', { ...packTarget(target), variant: variantOption(values.variant), newEdition: values['new-edition'] === true, ...dateOption(values.date) });
    // The op returns the frozen bytes; written here so the default name can follow the issued title.
    const file = pdfPath(values.out) ?? defaultName(r.issuedAt, r.title);
    writeFileAtomic(file, Buffer.from(r.bytesBase64!, 'base64'));
    env.print({ file, sha256: r.sha256, pages: r.pages }, () => `Issued “${r.title}”: ${file} (${r.pages} pages, SHA-256 ${r.sha256}).`);
  },
};

export const addendum: Command = {
  name: 'addendum',
  summary: 'Issue the next addendum to the last issued pack: only the sections changed since, marked against the issued text.',
  usage: 'addendum <meeting-id|b<briefing-id>> --out FILE.pdf [--variant full|releasable|runbook] [--date YYYY-MM-DD] [--json]',
  options: { out: { type: 'string' }, variant: { type: 'string' }, date: { type: 'string' } },
  run: async ([target], values, env) => {
    const r = await env.call('pack.addendum', { ...packTarget(target), variant: variantOption(values.variant), ...dateOption(values.date) });
    const file = pdfPath(values.out) ?? defaultName(r.issuedAt, r.title);
    writeFileAtomic(file, Buffer.from(r.bytesBase64!, 'base64'));
    env.print({ file, sha256: r.sha256, pages: r.pages, changed: r.changed }, () => `Issued “${r.title}”: ${file} (${r.pages} pages; changed: ${r.changed.join(', ')}).`);
  },
};
