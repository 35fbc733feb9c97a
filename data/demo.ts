/**
 * The demo dossier a first start offers (and `dossier demo` loads): the institutions of the seed pages,
 * their contact officer, a few of our own staff, and the Working Party's next meeting with its last one.
 * Written for Dossier; dates are relative to the day it is loaded so the meeting is always upcoming.
 */
import type { ContactInput, InstitutionInput } from '../contract/model';

export interface DemoInstitution extends Omit<InstitutionInput, 'parentId'> {
  key: string;
  parent?: string;
}
export interface DemoContact extends Omit<ContactInput, 'institutionId'> {
  key: string;
  institution?: string;
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
  agenda: { time: string; title: string; lead: string; documents: string }[];
  delegation: { contact: string; role: 'head' | 'member' | 'adviser' | 'note_taker' }[];
  counterparts: string[];
  outcomes: string[];
  actions: { text: string; owner: string; dueInDays: number; status: 'open' | 'done' }[];
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
    informationDated: '2026-09',
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
    informationDated: '2026-09',
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
    informationDated: '2026-09',
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
    informationDated: '2025-11-03',
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
    informationDated: '2023-04',
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
    source: 'Met at GB 355',
    informationDated: '2026-03-20',
  },
];

export const demoMeetings: DemoMeeting[] = [
  {
    key: 'wpsdg-last',
    title: 'WPSDG — Working Party on the Social Dimension of Globalization (previous session)',
    series: 'WPSDG',
    kind: 'Working party',
    inDays: -250,
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
      { time: '10:00', title: 'Decent work in global supply chains: follow-up', lead: 'ILO Office', documents: 'GB.355/WP/SDG/1' },
      { time: '11:30', title: 'Trade and employment: policy coherence', lead: 'MULTILATERALS', documents: 'GB.355/WP/SDG/2' },
    ],
    delegation: [
      { contact: 'ozdemir', role: 'head' },
      { contact: 'weiss', role: 'note_taker' },
    ],
    counterparts: ['stenvold', 'dubois'],
    outcomes: ['The Office will present options for a joint ILO–WTO study at the next session.'],
    actions: [
      { text: 'Send comments on the draft ILO–WTO study outline to MULTILATERALS', owner: 'J. Weiß', dueInDays: -200, status: 'open' },
      { text: 'Circulate the Working Party summary to the G20 sherpa team', owner: 'A. Özdemir', dueInDays: -230, status: 'done' },
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
      { time: '10:00', title: 'Opening and adoption of the agenda', lead: 'Chairperson', documents: '' },
      { time: '10:15', title: 'Trade policy and decent work: the joint ILO–WTO study', lead: 'MULTILATERALS', documents: 'GB.357/WP/SDG/1' },
      { time: '11:30', title: 'Social protection floors in the G20 agenda', lead: 'OECD / ILO', documents: 'GB.357/WP/SDG/2' },
      { time: '12:40', title: 'Any other business', lead: 'Chairperson', documents: '' },
    ],
    delegation: [
      { contact: 'ozdemir', role: 'head' },
      { contact: 'kowalska', role: 'adviser' },
      { contact: 'weiss', role: 'note_taker' },
    ],
    counterparts: ['stenvold', 'papadopoulou', 'van-der-berg'],
    outcomes: [],
    actions: [],
  },
];
