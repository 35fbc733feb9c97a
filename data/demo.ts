/**
 * The demo dossier a first start offers (and `dossier demo` loads): the institutions of the seed pages, their contact
 * officers, our own staff (a German labour ministry's division for bilateral and multilateral relations), the Working
 * Party's last session and its next one, follow-up actions, and a library of standard lines. The briefings of both
 * sessions are in data/demo-briefings.ts. Written for Dossier. Every date is relative to the day the demo is loaded,
 * so the next session is always ahead and the last one behind; main/ops/demo.ts loads it through the operations.
 */
import type { ContactInput, InstitutionInput } from '../contract/model';

export interface DemoInstitution extends Omit<InstitutionInput, 'parentId'> {
  key: string;
  parent?: string;
}
export interface DemoContact extends Omit<ContactInput, 'institutionId' | 'informationDated'> {
  key: string;
  institution?: string;
  /** As written on the source ('2017'), or how long before the load day the details were confirmed. */
  informationDated: string | { monthsAgo: number } | { daysAgo: number };
}
export interface DemoMeeting {
  key: string;
  title: string;
  series: string;
  kind: string;
  /** Days from the load date, and local start/end times in the meeting's zone. */
  inDays: number;
  startTime: string;
  endTime: string;
  durationDays: number;
  timeZone: string;
  venue: string;
  format: 'in_person' | 'virtual' | 'hybrid';
  host: string;
  institutions: string[];
  status: 'planned' | 'confirmed' | 'held' | 'cancelled';
  /** `key` lets a briefing's lines to take name their item. */
  agenda: { key: string; time: string; title: string; lead: string; documents: string }[];
  delegation: { contact: string; role: 'head' | 'member' | 'adviser' | 'note_taker' }[];
  counterparts: string[];
  /** committedBy: 'us', 'counterpart' or who. */
  outcomes: { text: string; committedBy: string }[];
  actions: { text: string; owner: string; dueInDays: number; status: 'open' | 'done' }[];
}
/** A standard line to take, by topic (the snippet library). */
export interface DemoSnippet {
  topic: string;
  title: string;
  text: string;
}

export const demoInstitutions: DemoInstitution[] = [
  {
    key: 'ilo',
    name: 'International Labour Organization',
    acronym: 'ILO',
    kind: 'un_agency',
    seat: 'Geneva, Switzerland',
    website: 'https://www.ilo.org',
    profile:
      'The UN agency for the world of work. Governments, employers and workers of its member States set labour standards, develop policies and devise programmes promoting **decent work** for all.',
    topics: ['core labour standards', 'decent work', 'social dialogue'],
  },
  {
    key: 'gb',
    parent: 'ilo',
    name: 'Governing Body',
    acronym: 'GB',
    kind: 'body',
    seat: 'Geneva, Switzerland',
    profile: 'The executive body of the ILO, made up of government, employer and worker members. It meets three times a year, in March, June and November.',
    topics: ['governance'],
  },
  {
    key: 'wpsdg',
    parent: 'gb',
    name: 'Working Party on the Social Dimension of Globalization',
    acronym: 'WPSDG',
    kind: 'body',
    seat: 'Geneva, Switzerland',
    profile:
      'A forum of the Governing Body for discussing policies that strengthen the social dimension of trade and related issues. It meets twice a year during Governing Body sessions; other international organisations are invited to address it from time to time.\n\nIts work helped the ILO and the WTO reach common ground on how trade and labour market policies interact in creating — or holding back — employment.',
    topics: ['trade and employment', 'policy coherence'],
  },
  {
    key: 'multilaterals',
    parent: 'ilo',
    name: 'Multilateral Cooperation Department',
    acronym: 'MULTILATERALS',
    kind: 'department',
    seat: 'Geneva, Switzerland',
    profile:
      'Leads and coordinates the ILO’s work in the UN system and with other multilateral organisations, including the international financial institutions. Works with the ILO offices in New York and Washington and the liaison in Paris for the OECD; promotes the Decent Work Agenda in the 2030 Agenda, notably Goal 8.',
    topics: ['UN reform', 'policy coherence', 'SDG 8'],
  },
  {
    key: 'bmas',
    name: 'Bundesministerium für Arbeit und Soziales',
    acronym: 'BMAS',
    kind: 'national_government',
    seat: 'Berlin, Germany',
    website: 'https://www.bmas.de',
    profile:
      'Germany’s labour and social affairs ministry. Its division for bilateral and multilateral relations works to anchor employment and social policy in international economic and financial policy: the ILO core labour standards, social protection, social dialogue, corporate social responsibility, and the G20, the World Bank and the IMF.',
    topics: ['core labour standards', 'social protection floors', 'corporate social responsibility'],
  },
  {
    key: 'ec',
    name: 'European Commission',
    acronym: 'EC',
    kind: 'regional_organisation',
    seat: 'Brussels, Belgium',
    website: 'https://commission.europa.eu',
    profile: 'The executive of the European Union.',
  },
  {
    key: 'empl',
    parent: 'ec',
    name: 'Directorate-General for Employment, Social Affairs and Inclusion',
    acronym: 'DG EMPL',
    kind: 'department',
    seat: 'Brussels, Belgium',
    profile:
      'Works with the ILO, the OECD, the UN and the G20 on the social dimension of globalisation and decent work for all — productive and freely chosen employment, rights at work, social protection and social dialogue — and supports candidate and neighbouring countries in employment and social policy.',
    topics: ['decent work', 'enlargement'],
  },
  { key: 'oecd', name: 'Organisation for Economic Co-operation and Development', acronym: 'OECD', kind: 'regional_organisation', seat: 'Paris, France', website: 'https://www.oecd.org' },
  { key: 'g20', name: 'Group of Twenty', acronym: 'G20', kind: 'forum', seat: '', profile: 'Forum of major economies; its Employment Working Group prepares the labour and employment ministers’ meetings.' },
  { key: 'wb', name: 'World Bank', acronym: 'WB', kind: 'financial_institution', seat: 'Washington, D.C., United States', website: 'https://www.worldbank.org' },
  { key: 'imf', name: 'International Monetary Fund', acronym: 'IMF', kind: 'financial_institution', seat: 'Washington, D.C., United States', website: 'https://www.imf.org' },
  { key: 'ecosoc', name: 'United Nations Economic and Social Council', acronym: 'ECOSOC', kind: 'un_agency', seat: 'New York, United States', website: 'https://ecosoc.un.org' },
];

export const demoContacts: DemoContact[] = [
  {
    key: 'stenvold',
    honorific: 'Mr.',
    givenName: 'Thoralf',
    familyName: 'Stenvold',
    position: 'Senior Specialist – Global Governance',
    institution: 'multilaterals',
    phones: [{ label: 'work', value: '+41 22 7996111', e164: '+41227996111' }],
    emails: [{ label: 'work', value: 'perrin@ilo.org' }],
    website: 'www.ilo.org',
    languages: ['en', 'fr'],
    notes: 'Contact officer for Global Advocacy. Follows trade and employment and the Working Party’s agenda.',
    source: 'ILO Global Advocacy page',
    informationDated: '2017',
  },
  {
    key: 'ozdemir',
    honorific: 'Ms.',
    givenName: 'Ayşe',
    familyName: 'Özdemir',
    position: 'Head of Division, Bilateral and Multilateral Relations',
    institution: 'bmas',
    phones: [{ label: 'work', value: '+49 30 18527 0', e164: '+4930185270' }],
    emails: [{ label: 'work', value: 'ayse.oezdemir@example.bmas.de' }],
    languages: ['de', 'en', 'tr'],
    notes: 'Heads the delegation to the Working Party. Former G20 Employment Working Group sherpa.',
    internal: true,
    source: 'Staff directory',
    informationDated: { monthsAgo: 2 },
  },
  {
    key: 'weiss',
    honorific: 'Mr.',
    givenName: 'Jonas',
    familyName: 'Weiß',
    position: 'Desk Officer, ILO and UN',
    institution: 'bmas',
    phones: [{ label: 'work', value: '+49 30 18527 4412', e164: '+4930185274412' }],
    emails: [{ label: 'work', value: 'jonas.weiss@example.bmas.de' }],
    languages: ['de', 'en', 'fr'],
    notes: 'Prepares the briefing; note-taker at the session.',
    internal: true,
    source: 'Staff directory',
    informationDated: { monthsAgo: 2 },
  },
  {
    key: 'kowalska',
    honorific: 'Dr',
    givenName: 'Małgorzata',
    familyName: 'Kowalska',
    position: 'Adviser, Social Protection',
    institution: 'bmas',
    emails: [{ label: 'work', value: 'm.kowalska@example.bmas.de' }],
    languages: ['pl', 'de', 'en'],
    internal: true,
    source: 'Staff directory',
    informationDated: { monthsAgo: 2 },
  },
  {
    key: 'papadopoulou',
    honorific: 'Ms.',
    givenName: 'Ελένη',
    familyName: 'Παπαδοπούλου',
    position: 'Policy Officer, International Relations',
    institution: 'empl',
    phones: [{ label: 'work', value: '+32 2 299 11 11', e164: '+3222991111' }],
    emails: [{ label: 'work', value: 'eleni.papadopoulou@example.ec.europa.eu' }],
    languages: ['el', 'en', 'fr'],
    notes: 'Coordinates the EU position for the Working Party.',
    source: 'EU Whoiswho',
    informationDated: { daysAgo: 390 },
  },
  {
    key: 'van-der-berg',
    honorific: 'Mr.',
    givenName: 'Pieter',
    familyName: 'van der Berg',
    position: 'Senior Economist, Employment, Labour and Social Affairs',
    institution: 'oecd',
    emails: [{ label: 'work', value: 'pieter.vanderberg@example.oecd.org' }],
    languages: ['nl', 'en', 'fr'],
    source: 'OECD directory',
    informationDated: { monthsAgo: 31 },
  },
  {
    key: 'dubois',
    honorific: 'Mme',
    givenName: 'Claire',
    familyName: 'Dubois',
    position: 'Chief, Policy Coherence Unit',
    institution: 'multilaterals',
    phones: [{ label: 'work', value: '+41 22 799 7000', e164: '+41227997000' }],
    emails: [{ label: 'work', value: 'dubois@example.ilo.org' }],
    languages: ['fr', 'en'],
    source: 'Met at GB.355, WPSDG',
    informationDated: { daysAgo: 196 },
  },
  // Our own staff who commission, contribute and clear (issue 20): the head of unit clears before the director.
  {
    key: 'brandt',
    honorific: 'Mr.',
    givenName: 'Tobias',
    familyName: 'Brandt',
    position: 'Head of Unit, ILO and United Nations',
    institution: 'bmas',
    phones: [{ label: 'work', value: '+49 30 18527 4400', e164: '+4930185274400' }],
    emails: [{ label: 'work', value: 'tobias.brandt@example.bmas.de' }],
    languages: ['de', 'en'],
    notes: 'Clears the Working Party briefs before they go to the director.',
    internal: true,
    source: 'Staff directory',
    informationDated: { daysAgo: 20 },
  },
  {
    key: 'hoffmann',
    honorific: 'Ms.',
    givenName: 'Lena',
    familyName: 'Hoffmann',
    position: 'Desk Officer, Trade Policy and Labour Standards',
    institution: 'bmas',
    emails: [{ label: 'work', value: 'lena.hoffmann@example.bmas.de' }],
    languages: ['de', 'en'],
    notes: 'The trade desk: writes our lines on trade and employment.',
    internal: true,
    source: 'Staff directory',
    informationDated: { daysAgo: 20 },
  },
];

export const demoMeetings: DemoMeeting[] = [
  {
    key: 'wpsdg-last',
    title: 'WPSDG — Working Party on the Social Dimension of Globalization (previous session)',
    series: 'WPSDG',
    kind: 'Working party',
    inDays: -196,
    startTime: '10:00',
    endTime: '13:00',
    durationDays: 0,
    timeZone: 'Europe/Zurich',
    venue: 'ILO headquarters, Geneva — Room II',
    format: 'in_person',
    host: 'wpsdg',
    institutions: ['ilo', 'empl'],
    status: 'held',
    agenda: [
      { key: 'opening', time: '10:00', title: 'Opening and adoption of the agenda', lead: 'Chairperson', documents: '' },
      { key: 'supply-chains', time: '10:10', title: 'Decent work in global supply chains: follow-up', lead: 'ILO Office', documents: 'GB.355/WP/SDG/1' },
      { key: 'trade', time: '11:30', title: 'Trade and employment: policy coherence', lead: 'MULTILATERALS', documents: 'GB.355/WP/SDG/2' },
      { key: 'aob', time: '12:45', title: 'Any other business', lead: 'Chairperson', documents: '' },
    ],
    delegation: [
      { contact: 'ozdemir', role: 'head' },
      { contact: 'weiss', role: 'note_taker' },
    ],
    counterparts: ['stenvold', 'dubois'],
    outcomes: [
      { text: 'The Office will present options for a joint ILO–WTO study on the employment effects of trade at the next session.', committedBy: 'ILO Office' },
      { text: 'The Working Party asked the Office to report on due diligence initiatives in global supply chains.', committedBy: 'ILO Office' },
      { text: 'Germany offered to host an expert workshop on financing social protection floors.', committedBy: 'us' },
    ],
    actions: [
      { text: 'Send comments on the draft ILO–WTO study outline to MULTILATERALS', owner: 'J. Weiß', dueInDays: -150, status: 'open' },
      { text: 'Circulate the Working Party summary to the G20 sherpa team', owner: 'A. Özdemir', dueInDays: -185, status: 'done' },
      { text: 'Agree a common EU line on social protection floors with DG EMPL before the next session', owner: 'M. Kowalska', dueInDays: 30, status: 'open' },
    ],
  },
  {
    key: 'wpsdg-next',
    title: 'WPSDG — Working Party on the Social Dimension of Globalization',
    series: 'WPSDG',
    kind: 'Working party',
    inDays: 45,
    startTime: '10:00',
    endTime: '13:00',
    durationDays: 0,
    timeZone: 'Europe/Zurich',
    venue: 'ILO headquarters, Geneva — Room II',
    format: 'hybrid',
    host: 'wpsdg',
    institutions: ['ilo', 'empl', 'oecd'],
    status: 'confirmed',
    agenda: [
      { key: 'opening', time: '10:00', title: 'Opening and adoption of the agenda', lead: 'Chairperson', documents: '' },
      { key: 'trade', time: '10:10', title: 'Trade and employment: policy coherence and the joint ILO–WTO study', lead: 'MULTILATERALS', documents: 'GB.357/WP/SDG/1' },
      { key: 'supply-chains', time: '11:15', title: 'Decent work in global supply chains: follow-up', lead: 'ILO Office', documents: 'GB.357/WP/SDG/2' },
      { key: 'spf', time: '12:00', title: 'Social protection floors in the G20 agenda', lead: 'OECD / ILO', documents: 'GB.357/WP/SDG/3' },
      { key: 'aob', time: '12:45', title: 'Any other business', lead: 'Chairperson', documents: '' },
    ],
    delegation: [
      { contact: 'ozdemir', role: 'head' },
      { contact: 'kowalska', role: 'adviser' },
      { contact: 'weiss', role: 'note_taker' },
    ],
    counterparts: ['stenvold', 'papadopoulou', 'van-der-berg'],
    outcomes: [],
    actions: [{ text: 'Register the delegation for the hybrid session and send Dr Kowalska the remote link', owner: 'J. Weiß', dueInDays: 25, status: 'open' }],
  },
];

/** Standard lines to take, by topic: inserted into briefings, and the yardstick of "line drift". */
export const demoSnippets: DemoSnippet[] = [
  {
    topic: 'core labour standards',
    title: 'Fundamental principles and rights at work',
    text: 'Germany is committed to the ILO fundamental principles and rights at work, including a safe and healthy working environment, and promotes their ratification and implementation worldwide.',
  },
  {
    topic: 'social protection floors',
    title: 'Universal social protection',
    text: 'Germany supports universal social protection, including nationally defined social protection floors in line with ILO Recommendation No. 202.',
  },
  {
    topic: 'social protection floors',
    title: 'Financing',
    text: 'Sustainable financing is the key to social protection floors: domestic resources first, international support where they fall short.',
  },
  {
    topic: 'trade and employment',
    title: 'Policy coherence',
    text: 'Trade policy and labour market policy must work together, so that open markets create more and better jobs.',
  },
  {
    topic: 'trade and employment',
    title: 'ILO–WTO cooperation',
    text: 'We welcome closer cooperation between the ILO and the WTO on the employment effects of trade.',
  },
  {
    topic: 'supply chains',
    title: 'Due diligence',
    text: 'Companies have a responsibility to respect human rights along their supply chains; a smart mix of national and international measures helps them meet it.',
  },
  {
    topic: 'social dialogue',
    title: 'Tripartism',
    text: 'Social dialogue between governments, employers and workers is the ILO’s strength and should shape every stage of this work.',
  },
  {
    topic: 'SDG 8',
    title: 'Decent work in the 2030 Agenda',
    text: 'Full and productive employment and decent work for all (SDG 8) is central to the 2030 Agenda and needs a coherent multilateral system.',
  },
];
