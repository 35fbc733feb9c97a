/**
 * The words of contact blocks in English, German, Dutch and French: field labels ("Tel.", "Telefon", "Téléphone"),
 * and the keywords that mark a line as a post, an organisational unit, an address or page navigation.
 */
import { normaliseLanguages } from '../../contract/language';
import { simplify } from './text-lines';

export type LabelField = 'phone' | 'mobile' | 'fax' | 'email' | 'web' | 'languages' | 'position' | 'unit' | 'organisation' | 'name' | 'address';

// Folded labels (see `simplify`). Longer labels first where one is a prefix of another.
const LABELS: Record<LabelField, string[]> = {
  mobile: ['mobile phone', 'mobile', 'mobil', 'mob', 'handy', 'gsm', 'cell phone', 'cell', 'cellphone', 'portable', 'mobiel', 'mobiele telefoon', 'mobielnummer', 'm'],
  fax: ['telefax', 'fax', 'telecopie', 'f'],
  phone: [
    'telephone number', 'telephone', 'phone number', 'phone', 'tel', 'ph', 'direct line', 'direct', 'office', 'switchboard', 'durchwahl', 'zentrale',
    'telefonnummer', 'telefon', 'fon', 'telefoon', 'telefoonnummer', 'numero de telephone', 'standard', 'ligne directe', 'bureau', 't',
  ],
  email: ['e-mail address', 'email address', 'e-mail-adresse', 'e-mail', 'email', 'e-mailadres', 'mail', 'courriel', 'adresse electronique', 'adresse e-mail', 'mel', 'e'],
  web: ['website', 'web site', 'web', 'webseite', 'internet', 'homepage', 'url', 'site web', 'site internet', 'site', 'www'],
  languages: ['working languages', 'languages spoken', 'languages', 'language', 'arbeitssprachen', 'sprachkenntnisse', 'sprachen', 'werktalen', 'talenkennis', 'talen', 'langues de travail', 'langues parlees', 'langues'],
  position: ['job title', 'position', 'title', 'function', 'post', 'funktion', 'dienststellung', 'functie', 'fonction', 'poste', 'titre'],
  unit: ['department', 'division', 'directorate', 'unit', 'section', 'abteilung', 'unterabteilung', 'referat', 'organisationseinheit', 'afdeling', 'directie', 'eenheid', 'departement', 'direction', 'service', 'unite'],
  organisation: ['organisation', 'organization', 'institution', 'employer', 'company', 'behorde', 'ministerium', 'einrichtung', 'organisatie', 'instelling', 'ministerie', 'organisme', 'ministere'],
  name: ['contact person', 'contact', 'name', 'ansprechpartner', 'ansprechpartnerin', 'kontakt', 'contactpersoon', 'naam', 'nom', 'personne de contact', 'interlocuteur', 'interlocutrice'],
  address: ['address', 'postal address', 'visiting address', 'adresse', 'anschrift', 'postanschrift', 'adres', 'postadres', 'bezoekadres', 'adresse postale'],
};
const FIELD_OF = new Map<string, LabelField>(Object.entries(LABELS).flatMap(([f, ls]) => ls.map((l) => [l, f as LabelField] as const)));
const LABEL_WORDS = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.-]/g, '\\$&'));
const LABEL_RE = new RegExp(`^(${LABEL_WORDS.join('|')})\\.?(?:\\s*\\([^)]{1,20}\\))?\\s*([:：]|\\s)\\s*(.*)$`);

/** A labelled line: which field, the label as written, and the value after it. */
export interface Labelled {
  field: LabelField;
  label: string;
  value: string;
}

/**
 * Reads "Label: value". Without a colon ("Tel +41 22 …", "E perrin@ilo.org") the label is only believed when the value
 * has the shape the label promises, so "Mobile working is…" or "Web of rules" stay ordinary text.
 */
export function readLabel(text: string): Labelled | null {
  const m = simplify(text).match(LABEL_RE);
  if (!m) return null;
  const field = FIELD_OF.get(m[1]!)!;
  const value = text.slice(text.length - m[3]!.length).trim();
  const colon = m[2] !== ' ' && m[2] !== '';
  if (!colon) {
    const phoneLike = /^(\+|00|\(?\d)[\d\s()./–-]{5,}/.test(value);
    const ok = field === 'phone' || field === 'mobile' || field === 'fax' ? phoneLike : field === 'email' ? /@|\(at\)|\[at\]|\{at\}/i.test(value) : field === 'web' ? /^(https?:\/\/|www\.)/i.test(value) : false;
    if (!ok) return null;
  }
  if (!value && colon && (field === 'phone' || field === 'email' || field === 'web')) return null;
  return { field, label: text.slice(0, text.length - m[3]!.length).replace(/[\s:：]+$/, ''), value };
}

const words = (list: string[]) => new RegExp(`(?:^|[^\\p{L}])(?:${list.join('|')})(?![\\p{L}])`, 'u');

// Post titles. German compounds ("Referatsleiterin") are matched by stem anywhere in the word.
const POSITION_WORDS = words([
  'head', 'chief', 'director', 'deputy', 'officer', 'specialist', 'adviser', 'advisor', 'counsellor', 'counselor', 'consultant', 'manager', 'minister',
  'secretary', 'coordinator', 'attache', 'expert', 'analyst', 'economist', 'representative', 'ambassador', 'delegate', 'assistant', 'senior', 'junior',
  'ambassadrice', 'representante?', 'vertegenwoordiger', 'gezant', 'botschaftsrat', 'botschaftsratin',
  'desk officer', 'policy officer', 'programme officer', 'team leader', 'chair', 'president', 'vice-president',
  'referentin', 'referent', 'abteilungsleiter(?:in)?', 'beauftragte[r]?', 'botschafter(?:in)?', 'staatssekretar(?:in)?', 'sachgebietsleiter(?:in)?',
  'beleidsmedewerker', 'beleidsadviseur', 'adviseur', 'directeur', 'hoofd', 'coordinator', 'medewerker', 'raadadviseur', 'senior beleidsmedewerker',
  'chargee? de mission', 'chargee?', 'conseill(?:er|ere)', 'chef', 'cheffe', 'responsable', 'directrice', 'sous-directeur', 'sous-directrice', 'attachee?',
]);
const POSITION_STEMS = /leiter(?:in)?\b|referent(?:in)?\b|berater(?:in)?\b|sachbearbeiter(?:in)?\b|mitarbeiter(?:in)?\b|direktor(?:in)?\b/u;

/** Whether a line names a post ("Senior Specialist – Global Governance", "Referatsleiterin", "chargée de mission"). */
export const isPositionLine = (text: string): boolean => {
  const s = simplify(text);
  return POSITION_WORDS.test(s) || POSITION_STEMS.test(s);
};

// Units by depth: 0 organisation, 1 directorate, 2 department, 3 division, 4 unit. Used to order names outermost first.
const UNIT_LEVELS: [number, RegExp][] = [
  [1, words(['directorate-general', 'directorate general', 'direction generale', 'directoraat-generaal', 'generaldirektion', 'sektion', 'dg'])],
  [2, words(['department', 'abteilung', 'departement', 'directorate', 'directie', 'direction', 'delegation'])],
  // A Dutch ministry: directoraat-generaal › directie › afdeling.
  [3, words(['division', 'unterabteilung', 'sector', 'sous-direction', 'afdeling'])],
  [4, words(['unit', 'section', 'branch', 'team', 'desk', 'referat', 'stabsstelle', 'eenheid', 'cluster', 'service', 'unite', 'cellule', 'pole'])],
  [
    0,
    words([
      'ministry', 'organisation', 'organization', 'commission', 'council', 'agency', 'bank', 'fund', 'office', 'bureau', 'secretariat', 'federation', 'confederation',
      'fod', 'spf', 'federale overheidsdienst', 'service public federal',
      'union', 'association', 'institute', 'chamber', 'embassy', 'permanent mission', 'government', 'programme',
      '\\p{L}*ministerium', 'bundesamt', 'bundesagentur', 'amt', 'botschaft', 'verband', 'ministerie', 'ambassade', 'vertegenwoordiging', 'ministere', 'mission permanente',
    ]),
  ],
];

/** The depth of unit a line names (0 = a whole organisation … 4 = a unit), or null if it names none. */
export function unitLevel(text: string): number | null {
  const s = simplify(text);
  for (const [level, re] of UNIT_LEVELS) if (re.test(s)) return level;
  return null;
}

/** An acronym alone ("ILO", "DG EMPL", "BMAS"). */
export const isAcronym = (text: string): boolean => /^[\p{Lu}][\p{Lu}\p{N}&-]{1,11}(?: [\p{Lu}\p{N}&-]{2,10})?$/u.test(text);

const NAV = words([
  'home', 'homepage', 'startseite', 'accueil', 'menu', 'hauptmenu', 'search', 'suche', 'zoeken', 'recherche', 'login', 'log in', 'sign in', 'contact us', 'kontakt', 'about us', 'uber uns', 'over ons',
  'a propos', 'news', 'nachrichten', 'nieuws', 'actualites', 'sitemap', 'privacy', 'datenschutz', 'impressum', 'cookies', 'skip to', 'zum inhalt', 'share', 'print',
  'drucken', 'afdrukken', 'imprimer', 'back to top', 'english', 'deutsch', 'nederlands', 'francais', 'follow us', 'copyright', '©',
]);
/** Navigation, footer and page furniture, never part of a contact. */
export const isNavigation = (text: string): boolean => text.length < 50 && NAV.test(simplify(text)) && !/@|\d{4,}/.test(text);

const POSTCODE = /(?:^|\s)(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{Ll}|(?:^|\s)\d{4}\s?[A-Z]{2}\s+\p{Lu}/u;
const STREET = /\b(?:route|rue|avenue|boulevard|chemin|place|street|road|str\.|strasse|straße|platz|weg|allee|laan|straat|plein|gracht|kade)\b.*\d|\bP\.?O\.? Box\b|\bPostfach\b|\bPostbus\b|\p{Ll}(?:straße|strasse|weg|laan|straat|gracht|plein)\s+\d/iu;
/** A street address or postcode line ("Route des Morillons 4", "CH-1211 Genève 22", "Wilhelmstraße 49", "2595 AK Den Haag"). */
export const isAddress = (text: string): boolean => POSTCODE.test(text) || STREET.test(text);

/**
 * "English, French (fluent) and Spanish" / "Deutsch, Englisch" / "anglais et français" → ['en', 'fr (fluent)', 'es'];
 * a note in brackets stays with its language, names Dossier cannot tag are kept as written (contract/language.ts).
 */
export function languageCodes(value: string): string[] {
  // Brackets hide their commas from the split: "French (fluent, written)" is one language.
  const held: string[] = [];
  const masked = value.replace(/\u0001/g, ' ').replace(/\([^)]*\)/g, (m) => `\u0001${held.push(m) - 1}\u0001`);
  // Dutch "en" and French "et" mean "and" only between words.
  const parts = masked.split(/\s*[,;/]\s*|\s+(?:and|und|en|et|e)\s+/u).map((p) => p.replace(/\u0001(\d+)\u0001/g, (_, i: string) => held[Number(i)]!).replace(/[.]$/, ''));
  return normaliseLanguages(parts);
}
