/**
 * The same PackDocument as one HTML page for a browser's print engine: what the benchmark prints through
 * Chromium's page.pdf to compare with buildPack. Same content and fonts, comparable layout (A4, sections on new
 * pages, repeated table headers, cards kept whole); markings and page numbers go in Chromium's header and footer.
 */
import { Marked } from 'marked';
import type { ActionItem, PackDocument, PackSection, PersonCard } from '../main/pack/document';
import { type PackLabels, labelsFor } from '../main/pack/labels';
import { COLOR } from '../main/pack/theme';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Raw HTML in the Markdown is shown as text, as in the PDF.
const marked = new Marked({ async: false, renderer: { html: ({ text }) => esc(text) } });
const md = (s: string) => marked.parse(s) as string;
const inline = (s: string) => marked.parseInline(s) as string;

const CSS = `
@page { size: A4; margin: 92pt 68pt 84pt 68pt; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; line-height: 1.45; color: ${COLOR.ink}; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 16pt; break-after: avoid; } h1 .n { color: ${COLOR.accent}; margin-right: 12pt; }
h2 { font-size: 12.5pt; color: ${COLOR.accent}; margin: 14pt 0 4pt; break-after: avoid; } h3, h4 { font-size: 10.5pt; margin: 10pt 0 4pt; break-after: avoid; }
section { break-before: page; } a { color: ${COLOR.accent}; } blockquote { border-left: 2pt solid ${COLOR.rule}; margin: 0; padding-left: 12pt; color: ${COLOR.muted}; font-style: italic; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 6pt 0; } thead { display: table-header-group; }
th { text-align: left; color: ${COLOR.accent}; background: ${COLOR.accentSoft}; border-bottom: 0.8pt solid ${COLOR.accent}; padding: 4pt 5pt; }
td { padding: 4pt 5pt; border-bottom: 0.4pt solid ${COLOR.rule}; vertical-align: top; } tr { break-inside: avoid; } tbody tr:nth-child(even) { background: ${COLOR.zebra}; }
.meta { color: ${COLOR.muted}; font-size: 8.5pt; } .note { color: ${COLOR.faint}; font-style: italic; }
.cover { padding-top: 60pt; } .kicker { color: ${COLOR.accent}; font-weight: bold; font-size: 8pt; } .cover h1 { font-size: 23pt; }
.facts { margin-top: 120pt; border-top: 0.6pt solid ${COLOR.rule}; padding-top: 12pt; } .facts dt { float: left; width: 128pt; color: ${COLOR.faint}; font-size: 7pt; font-weight: bold; text-transform: uppercase; } .facts dd { margin: 0 0 11pt 128pt; font-size: 10pt; }
.toc a { text-decoration: none; color: ${COLOR.ink}; display: block; padding: 4pt 0; font-size: 10.5pt; }
.card { border: 0.6pt solid ${COLOR.rule}; border-left: 2.5pt solid ${COLOR.accent}; border-radius: 3pt; padding: 11pt; margin: 10pt 0; display: flex; gap: 16pt; break-inside: avoid; }
.card .who { flex: 3; } .card .how { flex: 2; font-size: 8.5pt; } .card .name { font-size: 11.5pt; font-weight: bold; } .stale { background: ${COLOR.warnSoft}; color: ${COLOR.warn}; font-weight: bold; font-size: 8pt; padding: 2pt 6pt; display: inline-block; }
.km li { font-size: 10.5pt; margin-bottom: 9pt; } .qa .q { font-weight: bold; margin-top: 10pt; }
`;

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function cards(l: PackLabels, people: PersonCard[]): string {
  return people
    .map(
      (p) => `<div class="card"><div class="who"><div class="name">${esc(p.name)}</div><div>${esc(p.position)}</div><div class="meta">${esc(p.institution)}</div>${p.notes ? md(p.notes) : ''}${
        p.stale ? `<div class="stale">${esc(p.informationDated ? l.staleDated(p.informationDated) : l.staleUndated)}</div>` : ''
      }</div><div class="how">${p.role ? `<b>${esc(l.roles[p.role])}</b>` : ''}${p.phones.length ? `<div class="meta">${l.phone}</div>${p.phones.map(esc).join('<br>')}` : ''}${
        p.emails.length ? `<div class="meta">${l.email}</div>${p.emails.map((e) => `<a href="mailto:${esc(e)}">${esc(e)}</a>`).join('<br>')}` : ''
      }${p.languages.length ? `<div class="meta">${l.languages}</div>${esc(p.languages.join(', '))}` : ''}</div></div>`,
    )
    .join('');
}

const actions = (l: PackLabels, items: ActionItem[]) =>
  table(
    [l.action, l.owner, l.due, l.origin],
    items.map((a) => [inline(a.text), esc(a.owner), a.overdue ? `<b>${esc(a.due)}</b> ${l.overdue}` : esc(a.due), esc(a.origin)]),
  );

function body(l: PackLabels, s: PackSection): string {
  switch (s.kind) {
    case 'markdown':
      return md(s.markdown);
    case 'key_messages':
      return `<ol class="km">${s.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ol>`;
    case 'agenda_briefs':
      return s.briefs
        .map((b) => `<h2>${b.number ? `${l.item} ${b.number} ` : ''}${esc(b.title)}</h2><p class="meta">${esc([b.time, b.lead].filter(Boolean).join(' · '))}</p>${b.orphaned ? `<p class="note">${l.orphaned}</p>` : ''}${b.text ? md(b.text) : `<p class="note">${l.noBrief}</p>`}`)
        .join('');
    case 'qa':
      return `<div class="qa">${s.pairs.map((p) => `<p class="q">${l.question} ${inline(p.question)}</p>${md(p.answer)}`).join('')}</div>`;
    case 'programme':
      return table([l.itemNo, l.time, l.item, l.lead, l.documents], s.rows.map((r) => [r.number, r.time, inline(r.title), r.lead, r.documents].map((c, i) => (i === 2 ? c : esc(c)))));
    case 'whos_who':
      return `<h2>${l.ourDelegation}</h2>${cards(l, s.delegation)}<h2>${l.counterparts}</h2>${cards(l, s.counterparts)}`;
    case 'institution_profiles':
      return s.institutions.map((i) => `<h2>${esc(i.name)} ${esc(i.acronym)}</h2><p class="meta">${esc([i.path.join(' › '), l.institutionKinds[i.kind] ?? i.kind, i.seat, i.website].filter(Boolean).join(' · '))}</p>${md(i.profile)}`).join('');
    case 'history':
      return `${s.meetings.map((m) => `<h2>${esc(m.title)}</h2><p class="meta">${esc(m.date)} · ${esc(m.venue)}</p><h3>${l.outcomes}</h3><ul>${m.outcomes.map((o) => `<li>${inline(o)}</li>`).join('')}</ul>`).join('')}<h2>${l.openActions}</h2>${actions(l, s.actions)}`;
    case 'open_actions':
      return actions(l, s.actions);
    case 'since_last_time':
      return `${s.lines.map((x) => `<h3>${esc(x.heading)}</h3><p>${x.parts.map((p) => (p.added ? `<ins>${esc(p.value)}</ins>` : p.removed ? `<del>${esc(p.value)}</del>` : esc(p.value))).join('')}</p>`).join('')}${actions(l, s.actions)}`;
    case 'contact_sheet':
      return table([l.name, l.institution, l.phone, l.email], s.rows.map((r) => [`<b>${esc(r.name)}</b><br><span class="meta">${r.role ? l.roles[r.role] : ''}</span>`, esc(r.institution), esc(r.phone), esc(r.email)]));
  }
}

/** The pack as a standalone HTML document. */
export function packHtml(d: PackDocument): string {
  const l = labelsFor(d.language);
  const facts: [string, string][] = [
    [l.date, `${esc(d.start)}${d.end ? ` – ${esc(d.end)}` : ''}<br><span class="meta">${esc(d.timeZone)}</span>`],
    [l.venue, esc(d.venue)],
    [l.headOfDelegation, esc(d.delegationHead)],
    [l.classification, `<b>${esc(d.classification)}</b>`],
    [l.statusLabel, esc(l.status[d.status])],
    [l.version, esc(d.versionLabel)],
    [l.preparedBy, esc([d.preparedBy, d.date].filter(Boolean).join(' · '))],
    ...(d.clearance ?? []).map((row): [string, string] => [row.label, row.lines.map(esc).join('<br>')]),
  ];
  return `<!doctype html><html lang="${esc(d.language)}"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${CSS}</style></head><body>
<div class="cover"><div class="kicker">${esc(l.briefingFor.toUpperCase())}</div><p class="meta">${esc(d.series)}</p><h1>${esc(d.title)}</h1><p class="meta">${esc(d.subtitle)}</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl></div>
<section><h1>${l.contents}</h1><nav class="toc">${d.sections.map((s, i) => `<a href="#s${i + 1}">${i + 1}&nbsp;&nbsp;${esc(s.title)}</a>`).join('')}</nav></section>
${d.sections.map((s, i) => `<section id="s${i + 1}"><h1><span class="n">${i + 1}</span>${esc(s.title)}</h1>${body(l, s)}</section>`).join('\n')}
</body></html>`;
}

/** Chromium's header and footer templates: marking, running header, "Page X of Y". */
export function packHtmlMargins(d: PackDocument): { headerTemplate: string; footerTemplate: string } {
  const l = labelsFor(d.language);
  const box = 'font-family: DejaVu Sans, sans-serif; font-size: 7.5pt; width: 100%; margin: 0 68pt; color: #566170;';
  const mark = `<div style="text-align:center; color:${COLOR.marking}; font-weight:bold">${esc(d.classification.toUpperCase())}</div>`;
  const [before, after] = l.pageOf(111, 222).split('111');
  const [middle, end] = (after ?? '').split('222');
  return {
    headerTemplate: `<div style="${box}">${mark}<div style="display:flex; justify-content:space-between"><span>${esc(d.title)}</span><span>${esc(d.dateLine)}</span></div></div>`,
    footerTemplate: `<div style="${box}"><div style="text-align:right">${esc(before ?? '')}<span class="pageNumber"></span>${esc(middle ?? '')}<span class="totalPages"></span>${esc(end ?? '')}</div>${mark}</div>`,
  };
}
