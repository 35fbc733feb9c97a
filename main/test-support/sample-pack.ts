/**
 * A generated PackDocument for tests and the benchmark: every section kind, names in six languages and,
 * at `scale` > 1, long sections and a large contact sheet (scale 1 ≈ 14 pages, the benchmark's ≈ 40).
 * Deterministic: no randomness, no clock.
 */
import type { ContactRow, PackDocument, PersonCard } from '../pack/document';

const NAMES: [string, string, string][] = [
  ['Ayşe', 'Özdemir', 'Bundesministerium für Arbeit und Soziales'],
  ['Jonas', 'Weiß', 'Bundesministerium für Arbeit und Soziales'],
  ['Małgorzata', 'Kowalska', 'Ministerstwo Rodziny, Pracy i Polityki Społecznej'],
  ['Ελένη', 'Παπαδοπούλου', 'DG Employment, Social Affairs and Inclusion'],
  ['Pieter', 'van der Berg', 'OECD'],
  ['Claire', 'Dubois', 'Organisation internationale du Travail'],
  ['Thoralf', 'Stenvold', 'ILO Multilateral Cooperation Department'],
  ['Zoë', 'Çelik', 'Türkiye Çalışma ve Sosyal Güvenlik Bakanlığı'],
];

const PARAGRAPH =
  'The Office’s paper sets out how trade policy and labour market policy interact in creating — or holding back — decent employment. ' +
  'We support a **joint ILO–WTO study** provided it covers social protection floors and the informal economy, and that the *social partners* are consulted before the outline is fixed. ';

const MARKDOWN = (n: number) =>
  [
    `## Where we stand\n\n${PARAGRAPH.repeat(2)}\n\nSee the [Working Party page](https://www.ilo.org/gb/wpsdg) for the documents.`,
    `### What we want\n\n- A study that is **jointly owned** by both secretariats\n- A timeline the G20 can use\n  - first outline by the spring session\n  - final report before the ministers meet\n- Regular briefings of the Working Party\n\n1. Support the proposal\n2. Ask for the social dimension to be explicit\n3. Offer expert input`,
    `> Germany has consistently argued that open trade needs strong labour institutions to be sustainable.\n\n| Country | Position | Contact |\n|---|---|---|\n| Germany | Supports | Özdemir |\n| Poland | Supports with conditions | Kowalska |\n| Greece | Undecided | Παπαδοπούλου |\n| Netherlands | Supports | van der Berg |`,
  ]
    .concat(Array.from({ length: n }, (_, i) => `### Background point ${i + 1}\n\n${PARAGRAPH.repeat(3)}`))
    .join('\n\n');

function person(i: number, role: PersonCard['role']): PersonCard {
  const [given, family, institution] = NAMES[i % NAMES.length]!;
  return {
    name: `${i % 2 ? 'Ms.' : 'Mr.'} ${given} ${family}`,
    role,
    position: 'Head of Division, Bilateral and Multilateral Relations',
    institution,
    phones: [`+49 30 18527 ${4400 + i}`],
    emails: [`${given.toLowerCase()}.${family.toLowerCase().replace(/\s+/g, '')}@example.org`],
    languages: ['de', 'en', 'fr'].slice(0, 1 + (i % 3)),
    notes: i % 3 === 0 ? 'Former G20 Employment Working Group sherpa. Follows trade and employment and the Working Party’s agenda closely.' : '',
    informationDated: i % 4 === 0 ? '2017' : '2026-09',
    stale: i % 4 === 0,
  };
}

/** A pack with every section kind; `scale` multiplies the long sections, `contacts` sizes the contact sheet. */
export function samplePackDocument(opts: { scale?: number; contacts?: number; status?: PackDocument['status']; language?: string } = {}): PackDocument {
  const scale = opts.scale ?? 1;
  const contacts = opts.contacts ?? 40;
  const rows: ContactRow[] = Array.from({ length: contacts }, (_, i) => {
    const p = person(i, i < 4 ? 'member' : 'counterpart');
    return { name: p.name, role: p.role, institution: p.institution, phone: p.phones[0]!, email: p.emails[0]! };
  });
  const agenda = ['Opening and adoption of the agenda', 'Trade policy and decent work: the joint ILO–WTO study', 'Social protection floors in the G20 agenda', 'Any other business'];
  return {
    title: 'WPSDG — Working Party on the Social Dimension of Globalization',
    subtitle: 'Brief for the delegation',
    series: 'WPSDG',
    start: 'Thursday 7 January 2027, 10:00',
    end: '13:00',
    dateLine: '7 January 2027',
    timeZone: 'Geneva time (Europe/Zurich, UTC+01:00)',
    venue: 'ILO headquarters, Geneva — Room II',
    delegationHead: 'Ms. Ayşe Özdemir',
    classification: 'Restricted',
    status: opts.status ?? 'draft',
    versionLabel: 'Version 2',
    preparedBy: 'Jonas Weiß',
    date: '23 November 2026',
    language: opts.language ?? 'en',
    sections: [
      { kind: 'markdown', title: 'Objectives', markdown: MARKDOWN(2 * scale) },
      { kind: 'key_messages', title: 'Key messages', items: Array.from({ length: 5 + scale }, (_, i) => `Message ${i + 1}: decent work must be **part of** trade policy, not an afterthought.`) },
      {
        kind: 'programme',
        title: 'Programme',
        rows: agenda.map((title, i) => ({ number: String(i + 1), time: `${10 + i}:00`, title, lead: i % 2 ? 'MULTILATERALS' : 'Chairperson', documents: i % 2 ? `GB.357/WP/SDG/${i}` : '' })),
      },
      {
        kind: 'agenda_briefs',
        title: 'Lines to take per agenda item',
        briefs: agenda
          .map((title, i) => ({ number: String(i + 1), title, time: `${10 + i}:00`, lead: 'MULTILATERALS', text: i === 0 ? '' : MARKDOWN(scale).slice(0, 900 * scale), orphaned: false }))
          .concat([{ number: '', title: 'Youth employment (withdrawn)', time: '', lead: '', text: 'Keep in reserve.', orphaned: true }]),
      },
      {
        kind: 'qa',
        title: 'Defensive Q&A',
        pairs: Array.from({ length: 4 * scale }, (_, i) => ({ question: `Why does Germany insist on condition ${i + 1}?`, answer: PARAGRAPH })),
      },
      { kind: 'markdown', title: 'Background', markdown: MARKDOWN(4 * scale) },
      { kind: 'whos_who', title: 'Who’s who', delegation: [0, 1, 2].map((i) => person(i, i === 0 ? 'head' : 'member')), counterparts: Array.from({ length: 3 + 2 * scale }, (_, i) => person(i + 3, 'counterpart')) },
      {
        kind: 'institution_profiles',
        title: 'Institution profiles',
        institutions: [
          { name: 'Working Party on the Social Dimension of Globalization', acronym: 'WPSDG', path: ['ILO', 'GB', 'WPSDG'], kind: 'body', seat: 'Geneva, Switzerland', website: '', profile: PARAGRAPH },
          { name: 'Organisation for Economic Co-operation and Development', acronym: 'OECD', path: ['OECD'], kind: 'regional_organisation', seat: 'Paris, France', website: 'https://www.oecd.org', profile: '' },
        ],
      },
      {
        kind: 'history',
        title: 'History and open actions',
        meetings: [{ title: 'WPSDG (previous session)', date: '20 March 2026', venue: 'ILO headquarters, Geneva', outcomes: ['The Office will present options for a joint ILO–WTO study at the next session.'] }],
        actions: [
          { text: 'Send comments on the draft study outline to MULTILATERALS', owner: 'J. Weiß', due: '10 May 2026', overdue: true, origin: 'WPSDG (previous session)' },
          { text: 'Brief the G20 sherpa team', owner: 'A. Özdemir', due: '', overdue: false, origin: 'WPSDG (previous session)' },
        ],
      },
      { kind: 'contact_sheet', title: 'Contact sheet', rows },
    ],
  };
}
