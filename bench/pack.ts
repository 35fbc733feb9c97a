/**
 * Pack benchmark (issue 7): a generated ~40-page briefing pack (long sections, a 300-row contact sheet) built
 * with main/pack, and in the same run the same PackDocument printed through Chromium (page.setContent of its
 * HTML rendering, then page.pdf, tagged and with an outline, as our PDF is). Medians of interleaved runs after a
 * warm-up; the ratio is against a warm browser (launched beforehand, not counted); one cold run (launch
 * included) is shown too, and the build's CPU time, which a busy machine does not inflate.
 * Targets: ≤ 300 ms, ≥ 5× faster.
 * Run alone: `npx tsx bench/pack.ts`.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildPack } from '../main/pack/build';
import { packHtml, packHtmlMargins } from './pack-html';
import { samplePackDocument } from '../main/test-support/sample-pack';

const CHROMIUM = '/usr/bin/chromium';
const DATE = '2026-11-23';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Wall time of one call (and the main thread's CPU time, which other load on the machine does not inflate). */
async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: number; value: T }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, value };
}

export async function benchPack(): Promise<string[]> {
  const doc = samplePackDocument({ scale: 3, contacts: 300 });
  const build = () => buildPack(doc, { date: DATE });
  const header = `Pack: generated briefing, ${doc.sections.length} sections, 300-row contact sheet`;
  if (!existsSync(CHROMIUM)) {
    for (let i = 0; i < 3; i++) await build();
    const runs = [];
    for (let i = 0; i < 9; i++) runs.push(await time(build));
    return [header, `  main/pack (pdfkit): ${ms(median(runs.map((r) => r.ms)))} median of ${runs.length}, ${runs[0]!.value.pages} pages`, `  Chromium: not installed at ${CHROMIUM}; no comparison`];
  }
  const { chromium } = await import('playwright-core');
  const html = packHtml(doc);
  const options = { format: 'A4' as const, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, tagged: true, outline: true, ...packHtmlMargins(doc) };
  // Once cold, as a command-line export through a browser would run: launch, load, print, close.
  const cold = await time(async () => {
    const b = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const p = await b.newPage();
    await p.setContent(html, { waitUntil: 'load' });
    await p.pdf(options);
    await b.close();
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf(options);
    };
    for (let i = 0; i < 3; i++) await build();
    for (let i = 0; i < 2; i++) await print();
    // Interleaved, so both see the same load on the machine.
    const ours: Awaited<ReturnType<typeof time<Awaited<ReturnType<typeof build>>>>>[] = [];
    const theirs: Awaited<ReturnType<typeof time<Buffer>>>[] = [];
    for (let i = 0; i < 9; i++) {
      ours.push(await time(build));
      theirs.push(await time(print));
    }
    const [o, t] = [median(ours.map((r) => r.ms)), median(theirs.map((r) => r.ms))];
    const pairRatio = median(ours.map((r, i) => theirs[i]!.ms / r.ms));
    const built = ours[0]!.value;
    const printed = theirs[0]!.value;
    const pages = printed.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    return [
      header,
      `  main/pack (pdfkit):  ${ms(o)} median of ${ours.length} (min ${ms(Math.min(...ours.map((r) => r.ms)))}; CPU ${ms(median(ours.map((r) => r.cpu)))}), ${built.pages} pages, ${(built.bytes.length / 1024).toFixed(0)} KB, tagged, fonts subset`,
      `  Chromium page.pdf:   ${ms(t)} median of ${theirs.length} (min ${ms(Math.min(...theirs.map((r) => r.ms)))}), ${pages} pages, ${(printed.length / 1024).toFixed(0)} KB (warm browser: setContent + pdf)`,
      `  Chromium cold:       ${ms(cold.ms)} (launch, setContent, pdf, close; once)`,
      `  main/pack is ${(t / o).toFixed(1)}× faster than the warm browser (median of paired runs ${pairRatio.toFixed(1)}×), ${(cold.ms / o).toFixed(1)}× than a cold one`,
      `  targets: ≤ 300 ms ${o <= 300 ? 'met' : 'MISSED'}, ≥ 5× ${t / o >= 5 ? 'met' : 'MISSED'}${os.loadavg()[0]! > os.cpus().length ? ` (machine busy: load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)` : ''}`,
    ];
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPack().then((lines) => console.log(lines.join('\n')));
}
