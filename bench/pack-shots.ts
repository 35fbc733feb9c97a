/**
 * Regenerates the pack pictures in docs/ (cover, contents, who's who cards) from the demo dossier with a
 * briefing filled in as a desk officer would: `npx tsx bench/pack-shots.ts`. Needs pdftoppm (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../main/ops/index';
import { testContext } from '../main/ops/test-context';

const OBJECTIVES = `Germany wants the Working Party to **endorse the joint ILO–WTO study** and to keep *social protection floors* on
the G20 employment track.

| Outcome we want | Fallback |
|---|---|
| The Office presents a study outline in March | A timeline for the outline |
| Social partners consulted on the terms of reference | Consultation before the final report |

- Coordinate with the EU presidency before the session
  - agree the EU statement on the study
- Report back to Berlin the same evening`;

async function main(): Promise<void> {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const detail = await dispatch(ctx, 'meeting.get', { id: meeting.id });
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation', classification: 'RESTRICTED', owner: 'Jonas Weiß' });
  const content: Partial<Record<string, string>> = {
    markdown: OBJECTIVES,
    key_messages: JSON.stringify({ items: ['Decent work belongs **in** trade policy, not beside it.', 'We back a joint ILO–WTO study, with the social partners consulted on its terms.'] }),
    qa: JSON.stringify({ pairs: [{ question: 'Why does Germany insist on social protection floors?', answer: 'Because the G20 ministers asked for a coherent approach in 2025.' }] }),
    agenda_briefs: JSON.stringify({ briefs: [{ agendaItemId: detail.agenda[1]!.id, text: 'Support the study; ask for a timeline the G20 can use.' }] }),
  };
  for (const s of b.sections) {
    const c = content[s.kind];
    if (c !== undefined) await dispatch(ctx, 'section.update', { id: s.id, content: c });
  }
  const r = await dispatch(ctx, 'pack.build', { briefingId: b.id, date: '2026-11-23' });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-shots-'));
  const pdf = join(dir, 'pack.pdf');
  writeFileSync(pdf, Buffer.from(r.bytesBase64!, 'base64'));
  const cards = r.toc.find((t) => t.title === 'Who’s who')!.page;
  for (const [name, page] of [['cover', 1], ['contents', 2], ['cards', cards]] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(dir, name)]);
    copyFileSync(join(dir, `${name}.png`), join('docs', `pack-${name}.png`));
  }
  console.log(`docs/pack-cover.png, docs/pack-contents.png, docs/pack-cards.png (page ${cards}) from a ${r.pages}-page pack`);
}

await main();
