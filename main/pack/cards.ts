/**
 * Who's who as contact cards: name, post and institution with the short bio on the left; role, phones,
 * e-mails and languages on the right; a "details dated … — to check" mark where the details are stale.
 * Each card is measured first and never split across pages.
 */
import { languageLabel } from '../../contract/language';
import { mailtoHref } from '../../contract/links';
import type { PersonCard } from './document';
import type { Run, Struct, Style } from './layout';
import { inlineMarkdown } from './markdown';
import type { SectionContext } from './sections';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './theme';

const PAD = 11;
const GUTTER = 16;
const LEFT_W = Math.round((CONTENT_WIDTH - 2 * PAD - GUTTER) * 0.6);
const RIGHT_W = CONTENT_WIDTH - 2 * PAD - GUTTER - LEFT_W;
const NAME: Style = { size: SIZE.h3 + 1, bold: true, color: COLOR.ink, lineGap: 1 };
const LINE: Style = { size: SIZE.small + 1, color: COLOR.ink, lineGap: 1.5 };
const BIO: Style = { size: SIZE.small + 0.5, color: COLOR.ink, lineGap: 2 };
const DETAIL: Style = { size: SIZE.small + 0.5, color: COLOR.ink, lineGap: 1.6 };
const BADGE: Style = { size: SIZE.small, color: COLOR.warn, bold: true, lineGap: 1 };

const linkTo = (href: string | null): { link?: string } => (href ? { link: href } : {});

interface Part {
  type: string;
  runs: Run[];
  style: Style;
  /** Space above this part. */
  before: number;
  /** A photo drawn in place of text (issue 17). */
  image?: Buffer;
}

/** The side of the square a photo is drawn in at the top of the card's right column. */
const PHOTO = 46;

/** The languages in the pack's language; a value that is not a tag prints as written (never throws). */
const languageNames = (values: string[], language: string): string => values.map((v) => languageLabel(v, language)).join(', ');

function parts(ctx: SectionContext, p: PersonCard): { left: Part[]; right: Part[]; stale: string | null } {
  const { labels } = ctx;
  const left: Part[] = [{ type: 'H3', runs: [{ text: p.name }], style: NAME, before: 0 }];
  if (p.position) left.push({ type: 'P', runs: [{ text: p.position }], style: LINE, before: 3 });
  if (p.institution) left.push({ type: 'P', runs: [{ text: p.institution, color: COLOR.muted }], style: LINE, before: 1 });
  if (p.newInPost) left.push({ type: 'P', runs: [{ text: p.newInPost, bold: true, color: COLOR.accent }], style: { ...LINE, size: SIZE.small }, before: 3 });
  p.notes
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((para, i) => left.push({ type: 'P', runs: inlineMarkdown(para), style: BIO, before: i === 0 ? 8 : 4 }));

  const labelRun = (text: string): Run => ({ text, size: SIZE.tiny, color: COLOR.faint, bold: true });
  const right: Part[] = [];
  if (p.photo) right.push({ type: 'Figure', runs: [], style: DETAIL, before: 0, image: p.photo });
  if (p.role) right.push({ type: 'P', runs: [{ text: labels.roles[p.role].toUpperCase(), bold: true, color: COLOR.accent, size: SIZE.tiny + 0.5 }], style: DETAIL, before: 1 });
  const field = (label: string, values: Run[]) => {
    if (values.length) right.push({ type: 'P', runs: [labelRun(label), ...values], style: DETAIL, before: right.length ? 6 : 0 });
  };
  field(labels.phone, p.phones.map((v) => ({ text: `\n${v}` })));
  // The link is rebuilt from the parsed address (contract/links.ts); one that does not parse prints without a link.
  field(labels.email, p.emails.map((v) => ({ text: `\n${ctx.L.breakEmail(v, DETAIL, RIGHT_W)}`, ...linkTo(mailtoHref(v)) })));
  if (p.languages.length) field(labels.languages, [{ text: `\n${languageNames(p.languages, ctx.language)}` }]);
  for (const a of p.addresses ?? []) field(a.label ? `${labels.address} (${a.label})` : labels.address, [{ text: `\n${a.text}` }]);
  const stale = p.stale ? (p.informationDated ? labels.staleDated(p.informationDated) : labels.staleUndated) : null;
  return { left, right, stale };
}

export function drawCards(ctx: SectionContext, parent: Struct, people: PersonCard[]): void {
  const { L } = ctx;
  const leftX = PAGE.marginX + PAD;
  const rightX = leftX + LEFT_W + GUTTER;
  const partHeight = (part: Part, width: number) => (part.image ? PHOTO + 6 : L.measure(part.runs, part.style, width));
  const columnHeight = (list: Part[], width: number) => list.reduce((h, part) => h + part.before + partHeight(part, width), 0);

  people.forEach((person, i) => {
    const { left, right, stale } = parts(ctx, person);
    const badgeH = stale ? L.measure([{ text: stale }], BADGE, LEFT_W - 12) + 8 : 0;
    const leftH = columnHeight(left, LEFT_W) + (stale ? 9 + badgeH : 0);
    const h = Math.max(leftH, columnHeight(right, RIGHT_W)) + 2 * PAD;
    L.gap(i === 0 ? 4 : 10);
    L.keep(h);
    const top = L.y;
    L.artifact(() => {
      L.doc.roundedRect(PAGE.marginX, top, CONTENT_WIDTH, h, 3).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
      L.doc.rect(PAGE.marginX, top + 3, 2.5, h - 6).fill(person.role && person.role !== 'counterpart' ? COLOR.accent : COLOR.rule);
      L.doc.moveTo(rightX - GUTTER / 2, top + PAD).lineTo(rightX - GUTTER / 2, top + h - PAD).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
    });
    const card = L.doc.struct('Div');
    parent.add(card);
    const column = (list: Part[], x: number, width: number) => {
      L.y = top + PAD;
      for (const part of list) {
        L.y += part.before;
        if (part.image) {
          // Beside the name it belongs to, the photo adds nothing a screen reader needs: drawn as page furniture.
          const y = L.y;
          const image = part.image;
          try {
            L.artifact(() => L.doc.image(image, x, y, { fit: [PHOTO, PHOTO] }));
          } catch {
            // A photo pdfkit cannot decode is left off the card rather than failing the pack.
          }
          L.y += PHOTO + 6;
          continue;
        }
        L.block(card, part.type, part.runs, part.style, { x, width, noBreak: true });
      }
    };
    column(left, leftX, LEFT_W);
    if (stale) {
      const y = L.y + 9;
      L.artifact(() => L.doc.roundedRect(leftX, y, Math.min(LEFT_W, L.doc.font('bold').fontSize(BADGE.size).widthOfString(stale) + 12), badgeH, 2).fill(COLOR.warnSoft));
      L.y = y + 4;
      L.block(card, 'P', [{ text: stale }], BADGE, { x: leftX + 6, width: LEFT_W - 12, noBreak: true });
    }
    column(right, rightX, RIGHT_W);
    card.end();
    L.y = top + h;
  });
}
