/**
 * The body of each section kind, under the section's H1 (drawn by build.ts): written sections (Markdown,
 * key messages, lines to take per agenda item, Q&A) and generated ones (programme, profiles, history,
 * actions, contact sheet). Who's who cards live in cards.ts.
 */
import { websiteHref } from '../../contract/links';
import type { ActionItem, ContactRow, PackSection } from './document';
import { drawCards } from './cards';
import type { PackLabels } from './labels';
import { BODY, type Layout, type Run, type Struct, type Style, plain } from './layout';
import { heading, inlineMarkdown, renderMarkdown } from './markdown';
import { TABLE_TEXT, cellTextWidth, drawTable } from './table';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './theme';

export interface SectionContext {
  L: Layout;
  labels: PackLabels;
  language: string;
}

const FULL = { x: PAGE.marginX, width: CONTENT_WIDTH };
const META: Style = { size: SIZE.small + 0.5, color: COLOR.muted, lineGap: 1.5 };
const NOTE: Style = { ...BODY, italic: true, color: COLOR.faint };

export function drawSectionBody(ctx: SectionContext, parent: Struct, section: PackSection): void {
  const { L, labels } = ctx;
  switch (section.kind) {
    case 'markdown':
      if (section.markdown.trim()) renderMarkdown(L, parent, section.markdown, { ...FULL, headingBase: 2 });
      else empty(ctx, parent);
      return;
    case 'key_messages':
      return keyMessages(ctx, parent, section.items);
    case 'agenda_briefs':
      if (section.briefs.length === 0) return empty(ctx, parent);
      for (const b of section.briefs) {
        const title: Run[] = [...(b.number ? [{ text: `${labels.item} ${b.number}  `, color: COLOR.muted }] : []), ...plain(b.title)];
        heading(L, parent, 2, title, FULL);
        const meta = [b.time, b.lead ? `${labels.lead}: ${b.lead}` : ''].filter(Boolean).join('  ·  ');
        if (meta) L.block(parent, 'P', plain(meta), META);
        if (b.orphaned) L.block(parent, 'P', plain(labels.orphaned), { ...META, color: COLOR.warn, italic: true });
        L.gap(5);
        if (b.text.trim()) renderMarkdown(L, parent, b.text, { ...FULL, headingBase: 3 });
        else L.block(parent, 'P', plain(labels.noBrief), NOTE);
      }
      return;
    case 'qa':
      return questions(ctx, parent, section.pairs);
    case 'programme':
      if (section.rows.length === 0) return empty(ctx, parent);
      return drawTable(L, parent, {
        ...FULL,
        size: SIZE.body - 0.5,
        columns: [
          { header: plain(labels.itemNo), weight: 6, align: 'right' },
          { header: plain(labels.time), weight: 9 },
          { header: plain(labels.item), weight: 45 },
          { header: plain(labels.lead), weight: 18 },
          { header: plain(labels.documents), weight: 20 },
        ],
        rows: section.rows.map((r) => [plain(r.number), plain(r.time), inlineMarkdown(r.title), plain(r.lead), plain(r.documents, { color: COLOR.muted })]),
      });
    case 'whos_who':
      if (section.delegation.length + section.counterparts.length === 0) return empty(ctx, parent);
      for (const [title, people] of [
        [labels.ourDelegation, section.delegation],
        [labels.counterparts, section.counterparts],
      ] as const) {
        if (people.length === 0) continue;
        heading(L, parent, 2, plain(title), FULL);
        drawCards(ctx, parent, people);
      }
      return;
    case 'institution_profiles':
      if (section.institutions.length === 0) return empty(ctx, parent);
      for (const inst of section.institutions) {
        heading(L, parent, 2, [...plain(inst.name), ...plain(inst.acronym ? `  ${inst.acronym}` : '', { color: COLOR.muted })], FULL);
        const meta: Run[] = [];
        const add = (runs: Run[]) => {
          if (runs.length === 0) return;
          if (meta.length) meta.push({ text: '  ·  ' });
          meta.push(...runs);
        };
        if (inst.path.length > 1) add(plain(inst.path.join(' › ')));
        add(plain(labels.institutionKinds[inst.kind] ?? inst.kind));
        add(plain(inst.seat));
        const site = websiteHref(inst.website);
        add(plain(inst.website, site ? { link: site } : {}));
        L.block(parent, 'P', meta, META);
        L.gap(5);
        if (inst.profile.trim()) renderMarkdown(L, parent, inst.profile, { ...FULL, headingBase: 3 });
      }
      return;
    case 'history':
      for (const m of section.meetings) {
        heading(L, parent, 2, plain(m.title), FULL);
        L.block(parent, 'P', plain([m.date, m.venue].filter(Boolean).join('  ·  ')), META);
        heading(L, parent, 3, plain(labels.outcomes), FULL);
        if (m.outcomes.length) renderMarkdown(L, parent, m.outcomes.map((o) => `- ${o.replace(/\n+/g, ' ')}`).join('\n'), { ...FULL, headingBase: 4 });
        else L.block(parent, 'P', plain(labels.noOutcomes), NOTE);
      }
      heading(L, parent, 2, plain(labels.openActions), FULL);
      return actions(ctx, parent, section.actions);
    case 'open_actions':
      return actions(ctx, parent, section.actions);
    case 'contact_sheet':
      return contactSheet(ctx, parent, section.rows);
  }
}

/** Everyone on one table: role under the name keeps four roomy columns, so e-mail addresses rarely break. */
function contactSheet(ctx: SectionContext, parent: Struct, rows: ContactRow[]): void {
  const { L, labels } = ctx;
  if (rows.length === 0) return empty(ctx, parent);
  const columns = [
    { header: plain(labels.name), weight: 24 },
    { header: plain(labels.institution), weight: 25 },
    { header: plain(labels.phone), weight: 20 },
    { header: plain(labels.email), weight: 31 },
  ];
  // 8 pt keeps a full international number ("+49 30 18527 4412") on one line of its column.
  const text = { ...TABLE_TEXT, size: SIZE.small };
  const emailWidth = cellTextWidth(columns, 3, CONTENT_WIDTH);
  drawTable(L, parent, {
    ...FULL,
    size: text.size,
    columns,
    rows: rows.map((r) => [
      [...plain(r.name, { bold: true }), ...plain(r.role ? `\n${labels.roles[r.role]}` : '', { color: COLOR.muted, size: SIZE.small - 0.5 })],
      plain(r.institution),
      plain(r.phone),
      // Plain text here: the who's who cards carry the clickable addresses, and 300 link annotations (each a
      // tagged Link with its own objects) would cost a sixth of the build time.
      plain(L.breakEmail(r.email, text, emailWidth)),
    ]),
  });
}

function empty(ctx: SectionContext, parent: Struct): void {
  ctx.L.block(parent, 'P', plain(ctx.labels.none), NOTE);
}

/** Key messages: a numbered list set larger than body text, each kept whole on a page. */
function keyMessages(ctx: SectionContext, parent: Struct, items: string[]): void {
  const { L } = ctx;
  if (items.length === 0) return empty(ctx, parent);
  const style: Style = { size: SIZE.body + 1, color: COLOR.ink, lineGap: 3 };
  const indent = 26;
  const list = L.doc.struct('L');
  parent.add(list);
  items.forEach((text, i) => {
    const runs = inlineMarkdown(text);
    const h = L.measure(runs, style, CONTENT_WIDTH - indent);
    if (i > 0) L.gap(9);
    L.keep(h);
    const y = L.y;
    const li = L.doc.struct('LI');
    list.add(li);
    L.artifact(() => L.doc.rect(PAGE.marginX, y + 1, 2.2, h - 3).fill(COLOR.accent));
    L.block(li, 'Lbl', [{ text: String(i + 1), bold: true, color: COLOR.accent }], style, { x: PAGE.marginX + 9, width: indent - 9, noBreak: true });
    L.y = y;
    L.block(li, 'LBody', runs, style, { x: PAGE.marginX + indent, width: CONTENT_WIDTH - indent });
    li.end();
  });
  list.end();
}

/** Defensive Q&A: the question in bold beside a "Q", the answer beside an "A", kept together where they fit. */
function questions(ctx: SectionContext, parent: Struct, pairs: { question: string; answer: string }[]): void {
  const { L, labels } = ctx;
  if (pairs.length === 0) return empty(ctx, parent);
  const indent = 22;
  const body = { x: PAGE.marginX + indent, width: CONTENT_WIDTH - indent };
  const qStyle: Style = { ...BODY, bold: true };
  pairs.forEach((p, i) => {
    if (i > 0) {
      L.gap(8);
      L.rule(PAGE.marginX, L.y, CONTENT_WIDTH);
      L.gap(9);
    }
    const q = inlineMarkdown(p.question);
    const qh = L.measure(q, qStyle, body.width);
    L.keep(qh + 4 + 3 * (SIZE.body + SIZE.lineGap + 2));
    const div = L.doc.struct('Div');
    parent.add(div);
    const y = L.y;
    L.artifact(() => {
      L.setFont('bold', SIZE.body, COLOR.accent);
      L.doc.text(labels.question, PAGE.marginX, y, { width: indent, height: 20, lineBreak: false });
    });
    L.block(div, 'P', q, qStyle, body);
    L.gap(4);
    const ay = L.y;
    L.artifact(() => {
      L.setFont('bold', SIZE.body, COLOR.faint);
      L.doc.text(labels.answer, PAGE.marginX, ay, { width: indent, height: 20, lineBreak: false });
    });
    if (p.answer.trim()) renderMarkdown(L, div, p.answer, { ...body, headingBase: 3 });
    else L.block(div, 'P', plain(labels.noBrief), NOTE, body);
    div.end();
  });
}

function actions(ctx: SectionContext, parent: Struct, items: ActionItem[]): void {
  if (items.length === 0) return empty(ctx, parent);
  actionTable(ctx, parent, items);
}

/** Follow-up actions as a table (also used by "since last time"); overdue due dates stand out. */
export function actionTable(ctx: SectionContext, parent: Struct, items: ActionItem[]): void {
  const { L, labels } = ctx;
  drawTable(L, parent, {
    ...FULL,
    columns: [
      { header: plain(labels.action), weight: 43 },
      { header: plain(labels.owner), weight: 15 },
      { header: plain(labels.due), weight: 17 },
      { header: plain(labels.origin), weight: 25 },
    ],
    rows: items.map((a) => [
      inlineMarkdown(a.text),
      plain(a.owner),
      a.overdue ? [{ text: a.due, color: COLOR.marking, bold: true }, { text: `\n${labels.overdue}`, color: COLOR.marking }] : plain(a.due),
      plain(a.origin, { color: COLOR.muted }),
    ]),
  });
}
