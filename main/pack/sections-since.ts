/**
 * The "since last time" section: the previous meeting, our lines then and now side by side (dropped words bold
 * red on the left, new words bold blue on the right, so the change reads without colour too), outcomes with who
 * committed, open follow-ups, who is new or gone, and line drift against the standard lines.
 */
import type { DiffRun, SinceLastTimeSection } from './document';
import { labelsFor } from './labels';
import { BODY, type Run, type Struct, type Style, plain } from './layout';
import { heading, inlineMarkdown } from './markdown';
import { actionTable, type SectionContext } from './sections';
import { drawTable } from './table';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './theme';

const FULL = { x: PAGE.marginX, width: CONTENT_WIDTH };
const META: Style = { size: SIZE.small + 0.5, color: COLOR.muted, lineGap: 1.5 };
const NOTE: Style = { ...BODY, italic: true, color: COLOR.faint };

/** The two sides of a word diff as runs: `then` keeps removed words (marked), `now` keeps added words (marked). */
export function diffColumns(parts: DiffRun[]): { then: Run[]; now: Run[] } {
  const then: Run[] = [];
  const now: Run[] = [];
  for (const p of parts) {
    const style = { ...(p.bold ? { bold: true } : {}), ...(p.italic ? { italic: true } : {}) };
    if (!p.added) then.push(p.removed ? { text: p.value, ...style, bold: true, color: COLOR.marking } : { text: p.value, ...style });
    if (!p.removed) now.push(p.added ? { text: p.value, ...style, bold: true, color: COLOR.accent } : { text: p.value, ...style });
  }
  return { then, now };
}


const personLine = (p: { name: string; position: string; institution: string }): Run[] => [
  { text: p.name, bold: true },
  ...plain([p.position, p.institution].filter(Boolean).join(', ') ? ` — ${[p.position, p.institution].filter(Boolean).join(', ')}` : '', { color: COLOR.muted }),
];

export function drawSinceLastTime(ctx: SectionContext, parent: Struct, s: SinceLastTimeSection): void {
  const { L } = ctx;
  const T = labelsFor(ctx.language).since;
  const h2 = (text: string) => heading(L, parent, 2, plain(text), FULL);
  if (!s.previous) {
    L.block(parent, 'P', plain(T.noPrevious), NOTE);
  } else {
    L.block(parent, 'P', [{ text: `${T.previousMeeting}: `, bold: true }, { text: s.previous.title }], BODY);
    L.block(parent, 'P', plain([s.previous.date, s.previous.venue].filter(Boolean).join('  ·  ')), META);

    h2(T.whatWeSaid);
    if (s.previous.basis) L.block(parent, 'P', plain(s.previous.basis), META);
    if (s.lines.length === 0) L.block(parent, 'P', plain(T.noBriefing), NOTE);
    else {
      L.block(parent, 'P', plain(T.legend), { ...META, italic: true });
      const state = { added: T.added, removed: T.removed, unchanged: T.unchanged, changed: '' } as const;
      drawTable(L, parent, {
        ...FULL,
        columns: [
          { header: plain(T.then), weight: 50 },
          { header: plain(T.now), weight: 50 },
        ],
        // Each line's heading row stays with its then/now row.
        keepWithNext: s.lines.flatMap(() => [true, false]),
        rows: s.lines.flatMap((line) => {
          const { then, now } = diffColumns(line.parts);
          const title: Run[] = [{ text: line.heading, bold: true }, ...plain(state[line.change] ? `  (${state[line.change]})` : '', { color: COLOR.muted, italic: true })];
          return [
            [title, []],
            [then.length ? then : plain('—', { color: COLOR.faint }), now.length ? now : plain('—', { color: COLOR.faint })],
          ];
        }),
      });
    }

    h2(T.outcomes);
    if (s.outcomes.length === 0) L.block(parent, 'P', plain(T.noOutcomes), NOTE);
    else
      drawTable(L, parent, {
        ...FULL,
        columns: [
          { header: plain(ctx.labels.outcomes), weight: 70 },
          { header: plain(T.committedBy), weight: 30 },
        ],
        rows: s.outcomes.map((o) => [
          inlineMarkdown(o.text),
          o.counterpart ? [{ text: o.committedBy, bold: true }, { text: `\n${T.counterpartCommitted}`, color: COLOR.accent, size: SIZE.small }] : plain(o.committedBy || '—'),
        ]),
      });
  }

  h2(T.followUps);
  if (s.actions.length === 0) L.block(parent, 'P', plain(ctx.labels.none), NOTE);
  else actionTable(ctx, parent, s.actions);

  if (s.previous) {
    h2(T.people);
    if (s.joined.length + s.left.length === 0) L.block(parent, 'P', plain(T.samePeople), NOTE);
    for (const [label, list] of [
      [T.joined, s.joined],
      [T.left, s.left],
    ] as const) {
      if (list.length === 0) continue;
      heading(L, parent, 3, plain(label), FULL);
      for (const p of list) L.block(parent, 'P', [{ text: '•  ' }, ...personLine(p)], BODY);
    }
  }

  h2(T.drift);
  L.block(parent, 'P', plain(T.driftNote), META);
  if (s.drift.length === 0) L.block(parent, 'P', plain(T.noDrift), NOTE);
  else
    drawTable(L, parent, {
      ...FULL,
      columns: [
        { header: plain(T.standardLine), weight: 50 },
        { header: plain(T.todayLine), weight: 50 },
      ],
      keepWithNext: s.drift.flatMap(() => [true, false]),
      rows: s.drift.flatMap((d) => {
        const { then, now } = diffColumns(d.parts);
        return [
          [[{ text: d.topic, bold: true }], []],
          [then, now],
        ];
      }),
    });
}
