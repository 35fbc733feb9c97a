/**
 * The fixed words a pack prints, in the briefing's language (en, de, nl, fr). Section titles and all
 * content come from the briefing itself; only these labels are ours. Unknown languages fall back to English.
 */

export type PackLanguage = 'en' | 'de' | 'nl' | 'fr';
export type ParticipantRole = 'head' | 'member' | 'adviser' | 'note_taker' | 'counterpart';
export type PackStatus = 'draft' | 'in_review' | 'final';

export interface Labels {
  contents: string;
  /** "Page 3 of 41" */
  pageOf: (page: number, total: number) => string;
  draft: string;
  status: Record<PackStatus, string>;
  briefingFor: string;
  date: string;
  time: string;
  venue: string;
  headOfDelegation: string;
  classification: string;
  statusLabel: string;
  version: string;
  workingCopy: string;
  preparedBy: string;
  /** Who's who group titles. */
  ourDelegation: string;
  counterparts: string;
  roles: Record<ParticipantRole, string>;
  phone: string;
  /** Postal address on a who's who card. */
  address: string;
  email: string;
  languages: string;
  /** "Details dated 2017 — to check" */
  staleDated: (dated: string) => string;
  staleUndated: string;
  itemNo: string;
  item: string;
  lead: string;
  documents: string;
  question: string;
  answer: string;
  orphaned: string;
  noBrief: string;
  name: string;
  role: string;
  institution: string;
  seat: string;
  website: string;
  kind: string;
  outcomes: string;
  noOutcomes: string;
  openActions: string;
  action: string;
  owner: string;
  due: string;
  origin: string;
  overdue: string;
  none: string;
  institutionKinds: Record<string, string>;
  /** Default titles of sections, used where a section has none (e.g. a pack for a meeting with no briefing yet). */
  sections: Record<string, string>;
}

const en: Labels = {
  contents: 'Contents',
  pageOf: (p, t) => `Page ${p} of ${t}`,
  draft: 'DRAFT',
  status: { draft: 'Draft', in_review: 'In review', final: 'Final' },
  briefingFor: 'Delegation briefing',
  date: 'Date',
  time: 'Time',
  venue: 'Venue',
  headOfDelegation: 'Head of delegation',
  classification: 'Classification',
  statusLabel: 'Status',
  version: 'Version',
  workingCopy: 'Working copy',
  preparedBy: 'Prepared by',
  ourDelegation: 'Our delegation',
  counterparts: 'Counterparts',
  roles: { head: 'Head of delegation', member: 'Member', adviser: 'Adviser', note_taker: 'Note-taker', counterpart: 'Counterpart' },
  phone: 'Phone',
  address: 'Address',
  email: 'E-mail',
  languages: 'Languages',
  staleDated: (d) => `Details dated ${d} — to check`,
  staleUndated: 'Details undated — to check',
  itemNo: 'No.',
  item: 'Item',
  lead: 'Lead',
  documents: 'Documents',
  question: 'Q',
  answer: 'A',
  orphaned: 'This agenda item is no longer on the agenda.',
  noBrief: 'No lines to take yet.',
  name: 'Name',
  role: 'Role',
  institution: 'Institution',
  seat: 'Seat',
  website: 'Website',
  kind: 'Type',
  outcomes: 'Outcomes',
  noOutcomes: 'No outcomes recorded.',
  openActions: 'Open follow-up actions',
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  origin: 'From',
  overdue: 'overdue',
  none: 'Nothing recorded.',
  institutionKinds: {
    un_agency: 'UN agency',
    financial_institution: 'Financial institution',
    forum: 'Forum',
    regional_organisation: 'Regional organisation',
    national_government: 'National government',
    social_partner: 'Social partner',
    ngo: 'NGO',
    body: 'Body',
    department: 'Department',
    other: 'Institution',
  },
  sections: { markdown: 'Notes', key_messages: 'Key messages', qa: 'Defensive Q&A', agenda_briefs: 'Lines to take per agenda item', programme: 'Programme', whos_who: 'Who’s who', institution_profiles: 'Institution profiles', history: 'History and open actions', open_actions: 'Open follow-up actions', contact_sheet: 'Contact sheet' },
};

const de: Labels = {
  ...en,
  contents: 'Inhalt',
  pageOf: (p, t) => `Seite ${p} von ${t}`,
  draft: 'ENTWURF',
  status: { draft: 'Entwurf', in_review: 'In Abstimmung', final: 'Endfassung' },
  briefingFor: 'Delegationsunterlage',
  date: 'Datum',
  time: 'Uhrzeit',
  venue: 'Ort',
  headOfDelegation: 'Delegationsleitung',
  classification: 'Einstufung',
  version: 'Fassung',
  workingCopy: 'Arbeitsfassung',
  preparedBy: 'Erstellt von',
  ourDelegation: 'Unsere Delegation',
  counterparts: 'Gesprächspartner',
  roles: { head: 'Delegationsleitung', member: 'Mitglied', adviser: 'Beratung', note_taker: 'Protokoll', counterpart: 'Gesprächspartner' },
  phone: 'Telefon',
  address: 'Adresse',
  email: 'E-Mail',
  languages: 'Sprachen',
  staleDated: (d) => `Angaben von ${d} — zu prüfen`,
  staleUndated: 'Angaben undatiert — zu prüfen',
  itemNo: 'Nr.',
  item: 'Punkt',
  lead: 'Federführung',
  documents: 'Dokumente',
  question: 'F',
  answer: 'A',
  orphaned: 'Dieser Punkt steht nicht mehr auf der Tagesordnung.',
  noBrief: 'Noch keine Sprechpunkte.',
  role: 'Rolle',
  seat: 'Sitz',
  kind: 'Art',
  outcomes: 'Ergebnisse',
  noOutcomes: 'Keine Ergebnisse erfasst.',
  openActions: 'Offene Folgeaufträge',
  action: 'Auftrag',
  owner: 'Zuständig',
  due: 'Frist',
  origin: 'Aus',
  overdue: 'überfällig',
  none: 'Nichts erfasst.',
  institutionKinds: {
    un_agency: 'UN-Organisation',
    financial_institution: 'Finanzinstitution',
    forum: 'Forum',
    regional_organisation: 'Regionalorganisation',
    national_government: 'Regierung',
    social_partner: 'Sozialpartner',
    ngo: 'NRO',
    body: 'Gremium',
    department: 'Abteilung',
    other: 'Institution',
  },
  sections: { markdown: 'Notizen', key_messages: 'Kernbotschaften', qa: 'Fragen und Antworten', agenda_briefs: 'Sprechpunkte je Tagesordnungspunkt', programme: 'Programm', whos_who: 'Wer ist wer', institution_profiles: 'Profile der Institutionen', history: 'Vorgeschichte und offene Aufträge', open_actions: 'Offene Folgeaufträge', contact_sheet: 'Kontaktliste' },
};

const nl: Labels = {
  ...en,
  contents: 'Inhoud',
  pageOf: (p, t) => `Pagina ${p} van ${t}`,
  draft: 'CONCEPT',
  status: { draft: 'Concept', in_review: 'Ter beoordeling', final: 'Definitief' },
  briefingFor: 'Delegatiedossier',
  date: 'Datum',
  time: 'Tijd',
  venue: 'Locatie',
  headOfDelegation: 'Delegatieleider',
  classification: 'Rubricering',
  version: 'Versie',
  workingCopy: 'Werkversie',
  preparedBy: 'Opgesteld door',
  ourDelegation: 'Onze delegatie',
  counterparts: 'Gesprekspartners',
  roles: { head: 'Delegatieleider', member: 'Lid', adviser: 'Adviseur', note_taker: 'Notulist', counterpart: 'Gesprekspartner' },
  phone: 'Telefoon',
  address: 'Adres',
  email: 'E-mail',
  languages: 'Talen',
  staleDated: (d) => `Gegevens van ${d} — te controleren`,
  staleUndated: 'Gegevens ongedateerd — te controleren',
  itemNo: 'Nr.',
  item: 'Punt',
  lead: 'Trekker',
  documents: 'Documenten',
  question: 'V',
  answer: 'A',
  orphaned: 'Dit punt staat niet meer op de agenda.',
  noBrief: 'Nog geen spreeklijn.',
  name: 'Naam',
  role: 'Rol',
  institution: 'Instelling',
  seat: 'Zetel',
  kind: 'Soort',
  outcomes: 'Resultaten',
  noOutcomes: 'Geen resultaten vastgelegd.',
  openActions: 'Openstaande acties',
  action: 'Actie',
  owner: 'Eigenaar',
  due: 'Termijn',
  origin: 'Uit',
  overdue: 'te laat',
  none: 'Niets vastgelegd.',
  institutionKinds: {
    un_agency: 'VN-organisatie',
    financial_institution: 'Financiële instelling',
    forum: 'Forum',
    regional_organisation: 'Regionale organisatie',
    national_government: 'Nationale overheid',
    social_partner: 'Sociale partner',
    ngo: 'Ngo',
    body: 'Orgaan',
    department: 'Afdeling',
    other: 'Instelling',
  },
  sections: { markdown: 'Notities', key_messages: 'Kernboodschappen', qa: 'Vragen en antwoorden', agenda_briefs: 'Spreeklijnen per agendapunt', programme: 'Programma', whos_who: 'Wie is wie', institution_profiles: 'Profielen van instellingen', history: 'Voorgeschiedenis en openstaande acties', open_actions: 'Openstaande acties', contact_sheet: 'Contactlijst' },
};

const fr: Labels = {
  ...en,
  contents: 'Sommaire',
  pageOf: (p, t) => `Page ${p} sur ${t}`,
  draft: 'PROJET',
  status: { draft: 'Projet', in_review: 'En relecture', final: 'Version finale' },
  briefingFor: 'Dossier de délégation',
  date: 'Date',
  time: 'Heure',
  venue: 'Lieu',
  headOfDelegation: 'Chef de délégation',
  classification: 'Classification',
  statusLabel: 'Statut',
  version: 'Version',
  workingCopy: 'Version de travail',
  preparedBy: 'Préparé par',
  ourDelegation: 'Notre délégation',
  counterparts: 'Interlocuteurs',
  roles: { head: 'Chef de délégation', member: 'Membre', adviser: 'Conseiller', note_taker: 'Rapporteur', counterpart: 'Interlocuteur' },
  phone: 'Téléphone',
  address: 'Adresse',
  email: 'Courriel',
  languages: 'Langues',
  staleDated: (d) => `Coordonnées datant de ${d} — à vérifier`,
  staleUndated: 'Coordonnées non datées — à vérifier',
  itemNo: 'No',
  item: 'Point',
  lead: 'Pilote',
  documents: 'Documents',
  question: 'Q',
  answer: 'R',
  orphaned: 'Ce point ne figure plus à l’ordre du jour.',
  noBrief: 'Pas encore d’éléments de langage.',
  name: 'Nom',
  role: 'Rôle',
  institution: 'Institution',
  seat: 'Siège',
  website: 'Site web',
  kind: 'Type',
  outcomes: 'Résultats',
  noOutcomes: 'Aucun résultat enregistré.',
  openActions: 'Actions de suivi en cours',
  action: 'Action',
  owner: 'Responsable',
  due: 'Échéance',
  origin: 'Réunion',
  overdue: 'en retard',
  none: 'Rien d’enregistré.',
  institutionKinds: {
    un_agency: 'Agence des Nations unies',
    financial_institution: 'Institution financière',
    forum: 'Forum',
    regional_organisation: 'Organisation régionale',
    national_government: 'Gouvernement',
    social_partner: 'Partenaire social',
    ngo: 'ONG',
    body: 'Organe',
    department: 'Département',
    other: 'Institution',
  },
  sections: { markdown: 'Notes', key_messages: 'Messages clés', qa: 'Questions-réponses défensives', agenda_briefs: 'Éléments de langage par point de l’ordre du jour', programme: 'Programme', whos_who: 'Qui est qui', institution_profiles: 'Profils des institutions', history: 'Historique et actions en cours', open_actions: 'Actions de suivi en cours', contact_sheet: 'Liste de contacts' },
};

const TABLE: Record<PackLanguage, Labels> = { en, de, nl, fr };

export const PACK_LANGUAGES = Object.keys(TABLE) as PackLanguage[];

/** The labels for a briefing language; English for any language without a table. */
export function labelsFor(language: string): Labels {
  return TABLE[language as PackLanguage] ?? en;
}
