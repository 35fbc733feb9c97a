/**
 * Pack benchmark (issue 7): a generated ~40-page briefing pack (long sections, a 300-row contact sheet) built
 * with main/pack, and in the same run the same PackDocument printed through Chromium (page.setContent of its
 * HTML rendering, then page.pdf, tagged and with an outline, as our PDF is). Medians after a warm-up; the ratio
 * is against a warm browser (launched beforehand, not counted); one cold run (launch included) is shown too.
 * Targets: ≤ 300 ms, ≥ 5× faster.
 * Run alone: `npx tsx bench/pack.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildPack } from '../main/pack/build';
import { packHtml, packHtmlMargins } from '../main/pack/html';
import { samplePackDocument } from '../main/pack/sample';

const CHROMIUM = '/usr/bin/chromium';
const DATE = '2026-11-23';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function timed<T>(runs: number, warmups: number, fn: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  let last!: T;
  for (let i = 0; i < warmups; i++) last = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { times, last };
}

export async function benchPack(): Promise<string[]> {
  const doc = samplePackDocument({ scale: 3, contacts: 300 });
  const pdfkit = await timed(15, 3, () => buildPack(doc, { date: DATE }));
  const ours = median(pdfkit.times);
  const lines = [
    `Pack: generated briefing, ${doc.sections.length} sections, 300-row contact sheet`,
    `  main/pack (pdfkit):  ${ms(ours)} median of ${pdfkit.times.length} (min ${ms(Math.min(...pdfkit.times))}), ${pdfkit.last.pages} pages, ${(pdfkit.last.bytes.length / 1024).toFixed(0)} KB, tagged, fonts subset`,
  ];
  if (!existsSync(CHROMIUM)) return [...lines, `  Chromium: not installed at ${CHROMIUM}; no comparison`];
  const { chromium } = await import('playwright-core');
  const html = packHtml(doc);
  const options = { format: 'A4' as const, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, tagged: true, outline: true, ...packHtmlMargins(doc) };
  // Once cold, as a command-line export through a browser would run: launch, load, print, close.
  const coldStart = performance.now();
  const coldBrowser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const coldPage = await coldBrowser.newPage();
  await coldPage.setContent(html, { waitUntil: 'load' });
  await coldPage.pdf(options);
  await coldBrowser.close();
  const cold = performance.now() - coldStart;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf(options);
    };
    const chrome = await timed(7, 2, print);
    const theirs = median(chrome.times);
    const pages = Buffer.from(chrome.last).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    const ratio = theirs / ours;
    lines.push(
      `  Chromium page.pdf:   ${ms(theirs)} median of ${chrome.times.length} (min ${ms(Math.min(...chrome.times))}), ${pages} pages, ${(chrome.last.length / 1024).toFixed(0)} KB (warm browser: setContent + pdf)`,
      `  Chromium cold:       ${ms(cold)} (launch, setContent, pdf, close; once)`,
      `  main/pack is ${ratio.toFixed(1)}× faster than the warm browser, ${(cold / ours).toFixed(1)}× than a cold one (targets: ≤ 300 ms ${ours <= 300 ? 'met' : 'MISSED'}, ≥ 5× ${ratio >= 5 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await browser.close();
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPack().then((lines) => console.log(lines.join('\n')));
}
