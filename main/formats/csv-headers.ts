/**
 * Automatic column mapping for the CSV exports people have (issue 17): Outlook and Windows Live Mail (English,
 * German, French, Dutch, Spanish), Google Contacts (the current "First Name"/"Phone 1 - Label" layout and the legacy
 * "Given Name"/"Phone 1 - Type" one), Thunderbird (English and German), Apple/iCloud exports written by the usual
 * tools, LinkedIn connections, and Dossier's own export. Header lists follow the programs' own export files. A column
 * not recognised maps to 'other' (kept as an other detail under its header); the user edits the map in the preview.
 */
import type { CsvField } from '../../contract/model';
import { simplify } from './text-lines';

// Folded headers (see `key`) → field.
const EXACT: Record<string, CsvField> = {};
const add = (field: CsvField, ...headers: string[]) => headers.forEach((h) => (EXACT[key(h)] = field));
const addresses = (kind: 'address.work' | 'address.home' | 'address.other', parts: Partial<Record<'street' | 'poBox' | 'city' | 'region' | 'postalCode' | 'country' | 'formatted', string[]>>) => {
  for (const [part, headers] of Object.entries(parts)) add(`${kind}.${part}` as CsvField, ...headers);
};

/** Header text folded for lookup: case, accents, punctuation and spacing ignored. */
export function key(header: string): string {
  return simplify(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

// ----- names and organisation -----
add('honorific', 'Title', 'Name Prefix', 'Prefix', 'Honorific', 'Anrede', 'Titel', 'Aanhef', 'Civilité', 'Titre', 'Tratamiento', 'Título');
add('givenName', 'First Name', 'Given Name', 'Given Names', 'Vorname', 'Voornaam', 'Prénom', 'Nombre');
add('middleName', 'Middle Name', 'Additional Name', 'Weitere Vornamen', 'Zweiter Vorname', 'Middelste naam', 'Tussenvoegsel', 'Deuxième prénom', 'Segundo nombre');
add('familyName', 'Last Name', 'Family Name', 'Surname', 'Nachname', 'Achternaam', 'Nom', 'Nom de famille', 'Apellidos', 'Apellido');
add('nameSuffix', 'Suffix', 'Name Suffix', 'Achtervoegsel', 'Suffixe', 'Sufijo');
add('fullName', 'Name', 'Full Name', 'Display Name', 'Formatted Name', 'Vollständiger Name', 'Anzeigename', 'Volledige naam', 'Weergavenaam', 'Nom complet', 'Nombre completo');
add('nickname', 'Nickname', 'Spitzname', 'Bijnaam', 'Surnom', 'Apodo', 'Alias');
add('position', 'Job Title', 'Organization 1 - Title', 'Organization Title', 'Position', 'Funktion', 'Arbeitstitel', 'Functie', 'Fonction', 'Poste', 'Puesto', 'Cargo');
add('organisation', 'Company', 'Organization', 'Organisation', 'Organization 1 - Name', 'Organization Name', 'Firma', 'Unternehmen', 'Bedrijf', 'Organisatie', 'Société', 'Entreprise', 'Organización', 'Compañía', 'Empresa');
add('department', 'Department', 'Organization 1 - Department', 'Organization Department', 'Abteilung', 'Afdeling', 'Service', 'Département', 'Departamento');
add('institutionPath', 'Institution');
// French Outlook names both the honorific and the job title "Titre"; the reader calls the second one "Titre (2)".
add('position', 'Titre (2)');

// ----- phones (Outlook EN/DE/FR/NL/ES, Thunderbird EN/DE, Windows Live Mail) -----
add('phone.work', 'Business Phone', 'Business Phone 2', 'Company Main Phone', 'Primary Phone', 'Work Phone', 'Telefon geschäftlich', 'Telefon geschäftlich 2', 'Telefon Firma', 'Haupttelefon', 'Tel. dienstlich',
  'Telefoon op werk', 'Telefoon op werk 2', 'Hoofdtelefoon bedrijf', 'Hoofdtelefoon', 'Téléphone (bureau)', 'Téléphone bureau', 'Téléphone 2 (bureau)', 'Téléphone société', 'Téléphone principal', 'Téléphone professionnel',
  'Teléfono del trabajo', 'Teléfono del trabajo 2', 'Número de centralita de la organización', 'Teléfono principal');
add('phone.mobile', 'Mobile Phone', 'Mobile Phone 2', 'Mobile', 'Mobile Number', 'Cell Phone', 'Mobiltelefon', 'Mobiltelefon 2', 'Mobil-Tel.-Nr.', 'Handy', 'Mobiele telefoon', 'Mobiel', 'Tél. mobile',
  'Téléphone mobile', 'Téléphone portable', 'Portable', 'Teléfono móvil', 'Teléfono movil', 'Móvil');
add('phone.home', 'Home Phone', 'Home Phone 2', 'Telefon privat', 'Telefon privat 2', 'Telefon (privat)', 'Telefon (privat 2)', 'Tel. privat', 'Telefoon thuis', 'Telefoon thuis 2', 'Téléphone (domicile)',
  'Téléphone domicile', 'Téléphone 2 (domicile)', 'Téléphone personnel', 'Particular', 'Teléfono particular', 'Teléfono particular 2');
add('phone.fax', 'Business Fax', 'Fax', 'Fax Number', 'Fax-Nummer', 'Fax geschäftlich', 'Fax op werk', 'Télécopie (bureau)', 'Télécopie bureau', 'Télécopie professionnelle', 'Fax bureau', 'Fax del trabajo');
add('phone.homeFax', 'Home Fax', 'Fax privat', 'Fax thuis', 'Télécopie (domicile)', 'Télécopieur personnel', 'Fax particular');
add('phone.otherFax', 'Other Fax', 'Weiteres Fax', 'Andere fax', 'Télécopie (autre)', 'Otro fax');
add('phone.pager', 'Pager', 'Pager Number', 'Pager-Nummer', 'Récepteur de radiomessagerie', 'Localizador');
add('phone.assistant', "Assistant's Phone", 'Telefon Assistent', 'Telefoon assistent', "Téléphone de l'assistant(e)", 'Teléfono del ayudante');
add('phone.car', 'Car Phone', 'Autotelefon', 'Autotelefoon', 'Téléphone (voiture)', 'Tél. voiture', 'Teléfono del automóvil');
add('phone.other', 'Other Phone', 'Weiteres Telefon', 'Andere telefoon', 'Overige telefoon', 'Téléphone (autre)', 'Autre téléphone', 'Otro teléfono', 'Callback', 'Rückmeldung', 'Terugbellen', 'Rappel',
  'Radio Phone', 'Funkruf', 'Radiotelefoon', 'ISDN', 'RNIS', 'TTY/TDD Phone', 'Telefon für Hörbehinderte', 'Teksttelefoon', 'Téléphone TDD/TTY', 'Telex', 'Télex');
add('phone', 'Phone', 'Telephone', 'Telefon', 'Telefoon', 'Téléphone', 'Teléfono');

// ----- e-mail -----
add('email.work', 'E-mail Address', 'Email Address', 'E-mail', 'Email', 'Primary Email', 'E-Mail-Adresse', 'Primäre E-Mail-Adresse', 'E-mailadres', 'Adresse de messagerie', 'Adresse e-mail', 'Courriel',
  'Dirección de correo electrónico', 'Correo electrónico');
add('email', 'E-mail 2 Address', 'E-mail 3 Address', 'Secondary Email', 'E-Mail 2: Adresse', 'E-Mail 3: Adresse', 'Sekundäre E-Mail-Adresse', 'E-mailadres 2', 'E-mailadres 3', 'E-mail 2-adres', 'E-mail 3-adres',
  'Adresse de messagerie 2', 'Adresse de messagerie 3', 'Dirección de correo electrónico 2', 'Dirección del correo electrónico 3', 'Dirección de correo electrónico 3');

// ----- postal addresses -----
addresses('address.work', {
  street: ['Business Street', 'Business Street 2', 'Business Street 3', 'Work Address', 'Work Address2', 'Work Address 2', 'Straße geschäftlich', 'Straße geschäftlich 2', 'Straße geschäftlich 3', 'Dienstlich: Adresse',
    'Dienstlich: Adresse 2', 'Werkadres, straat', 'Werkadres 2, straat', 'Werkadres 3, straat', 'Rue (bureau)', 'Rue (bureau) 2', 'Rue (bureau) 3', 'Calle del trabajo', 'Calle del trabajo 2', 'Calle del trabajo 3'],
  poBox: ['Business Address PO Box', 'Postfach geschäftlich', 'Werkadres, postbusnummer', 'Boîte postale (bureau)', 'Apartado postal del trabajo'],
  city: ['Business City', 'Work City', 'Ort geschäftlich', 'Dienstlich: Ort', 'Werkadres, plaats', 'Ville (bureau)', 'Ciudad de trabajo', 'Ciudad del trabajo'],
  region: ['Business State', 'Work State', 'Region geschäftlich', 'Dienstlich: Bundesland', 'Werkadres, provincie', 'Dép/Région (bureau)', 'Département ou région (bureau)', 'Provincia o estado de trabajo', 'Estado/provincia del trabajo'],
  postalCode: ['Business Postal Code', 'Work ZipCode', 'Work Zip', 'Postleitzahl geschäftlich', 'Dienstlich: PLZ', 'Werkadres, postcode', 'Code postal (bureau)', 'Código postal del trabajo'],
  country: ['Business Country/Region', 'Business Country', 'Work Country', 'Land/Region geschäftlich', 'Dienstlich: Land', 'Land/regio (werk)', 'Pays/Région (bureau)', 'Pays (bureau)', 'País o región del trabajo', 'País/región del trabajo'],
});
addresses('address.home', {
  street: ['Home Street', 'Home Street 2', 'Home Street 3', 'Home Address', 'Home Address2', 'Home Address 2', 'Straße privat', 'Straße privat 2', 'Straße privat 3', 'Privat: Adresse', 'Privat: Adresse 2',
    'Huisadres, straat', 'Huisadres, straat 2', 'Huisadres, straat 3', 'Rue (domicile)', 'Rue (domicile) 2', 'Rue (domicile) 3', 'Calle del domicilio', 'Calle del domicilio 2', 'Calle del domicilio 3'],
  poBox: ['Home Address PO Box', 'Postfach privat', 'Huisadres, postbusnummer', 'Boîte postale (domicile)', 'Apartado postal particular'],
  city: ['Home City', 'Ort privat', 'Privat: Ort', 'Huisadres, plaats', 'Ville (domicile)', 'Ciudad de residencia', 'Ciudad del domicilio'],
  region: ['Home State', 'Bundesland/Kanton privat', 'Privat: Bundesland', 'Huisadres, provincie', 'Dép/Région (domicile)', 'Département (domicile)', 'Provincia o estado de residencia', 'Estado/provincia del domicilio'],
  postalCode: ['Home Postal Code', 'Home ZipCode', 'Postleitzahl privat', 'Privat: PLZ', 'Huisadres, postcode', 'Code postal (domicile)', 'Código postal de residencia', 'Código postal particular'],
  country: ['Home Country/Region', 'Home Country', 'Land/Region privat', 'Privat: Land', 'Land/regio (thuis)', 'Pays/Région (domicile)', 'Pays (domicile)', 'País o región del domicilio', 'País/región del domicilio'],
});
addresses('address.other', {
  street: ['Other Street', 'Other Street 2', 'Other Street 3', 'Weitere Straße', 'Weitere Straße 2', 'Weitere Straße 3', 'Ander adres, straat', 'Ander adres, straat 2', 'Ander adres, straat 3', 'Rue (autre)', 'Rue (autre) 2', 'Rue (autre) 3', 'Otra calle', 'Otra calle 2', 'Otra calle 3'],
  poBox: ['Other Address PO Box', 'Weiteres Postfach', 'Ander adres, postbusnummer', 'Boîte postale (autre)', 'Otro apartado postal'],
  city: ['Other City', 'Weiterer Ort', 'Ander adres, plaats', 'Ville (autre)', 'Otra ciudad'],
  region: ['Other State', 'Weiteres/r Bundesland/Kanton', 'Ander adres, provincie', 'Dép/Région (autre)', 'Otra provincia o estado'],
  postalCode: ['Other Postal Code', 'Weitere Postleitzahl', 'Ander adres, postcode', 'Code postal (autre)', 'Otro código postal'],
  country: ['Other Country/Region', 'Other Country', 'Weiteres/e Land/Region', 'Land/regio (anders)', 'Pays/Région (autre)', 'Otro país o región'],
});

// ----- the rest -----
add('website', 'Web Page', 'Web Page 1', 'Web Page 2', 'Personal Web Page', 'Business Web Page', 'Website', 'Web', 'Homepage', 'Webseite', 'Webseite 1', 'Webseite 2', 'Webpagina', 'Page Web', 'Site Web', 'Página web', 'URL');
add('languages', 'Languages', 'Language', 'Sprache', 'Sprachen', 'Taal', 'Talen', 'Langue', 'Langues', 'Idioma');
add('notes', 'Notes', 'Note', 'Notizen', 'Notities', 'Remarques', 'Notas');
add('birthday', 'Birthday', 'Geburtstag', 'Verjaardag', 'Anniversaire', 'Cumpleaños', 'Date of Birth');
add('birthYear', 'Birth Year', 'Geburtsjahr', 'Geboortejaar');
add('birthMonth', 'Birth Month', 'Geburtsmonat', 'Geboortemaand');
add('birthDay', 'Birth Day', 'Geboortedag');
add('photo', 'Photo', 'Foto');
add('informationDated', 'Information Dated', 'Stand', 'Informatie bijgewerkt', 'Mis à jour');
add('internal', 'Internal');
add('source', 'Source', 'Quelle', 'Bron');
// LinkedIn connections: "URL" is the profile (kept as the website), "Connected On" an other detail.
add('email.work', 'Email Address');

// Google's numbered groups: "Phone 1 - Type" + "Phone 1 - Value", "Address 2 - City", "Relation 1 - Label"; Dossier
// adds "Phone N - E164", "Address N - Label" and "Detail N - Name/Value/vCard".
const PAIRED = /^([a-z][a-z ]*?) (\d+) (type|label|name|value|e164|vcard|formatted|street|city|po box|region|postal code|country|extended address)$/;
const ADDRESS_PART: Record<string, CsvField> = {
  formatted: 'address.formatted', street: 'address.street', city: 'address.city', 'po box': 'address.poBox', region: 'address.region',
  'postal code': 'address.postalCode', country: 'address.country', 'extended address': 'address.extended',
};

// Headers that carry their label ("Phone : mobile", "Email (Work)", "Address : work : ZIP"), as the tools that turn
// Apple and iCloud address books into CSV write them.
const PHONE_WORDS: [RegExp, CsvField][] = [
  [/\bhome fax\b/, 'phone.homeFax'], [/\b(work )?fax\b/, 'phone.fax'], [/\b(mobile|cell|iphone)\b/, 'phone.mobile'], [/\bhome\b/, 'phone.home'],
  [/\b(work|business|office|main)\b/, 'phone.work'], [/\bpager\b/, 'phone.pager'], [/\bother\b/, 'phone.other'],
];
const ADDRESS_WORDS: [RegExp, string][] = [
  [/\bstreet\b/, 'street'], [/\b(city|town|locality)\b/, 'city'], [/\b(state|region|province)\b/, 'region'], [/\b(zip|postal code|postcode)\b/, 'postalCode'],
  [/\bcountry\b/, 'country'], [/\bpo box\b/, 'poBox'],
];
function labelledField(k: string): CsvField | null {
  // "E-mail Type", "E-mail Display Name", "Phone 1 - Label" describe a value; they are none.
  if (/\b(type|display|name|label|service)\b/.test(k)) return null;
  if (/^(phone|telephone|tel)\b/.test(k)) return PHONE_WORDS.find(([re]) => re.test(k))?.[1] ?? 'phone';
  if (/^e ?mail\b/.test(k)) return /\bhome\b/.test(k) ? 'email.home' : /\bother\b/.test(k) ? 'email.other' : /\b(work|business)\b/.test(k) ? 'email.work' : 'email';
  if (/^address\b/.test(k)) {
    const kind = /\bhome\b/.test(k) ? 'address.home' : /\bother\b/.test(k) ? 'address.other' : 'address.work';
    const part = ADDRESS_WORDS.find(([re]) => re.test(k))?.[1];
    return part ? (`${kind}.${part}` as CsvField) : null;
  }
  if (/^(url|web ?site|homepage)\b/.test(k)) return 'website';
  return null;
}

/** The field a header maps to; 'other' (kept as an other detail) when it is not one Dossier knows. */
export function autoField(header: string): CsvField {
  const k = key(header);
  const exact = EXACT[k];
  if (exact) return exact;
  const paired = k.match(PAIRED);
  if (paired) {
    const [, group, , part] = paired as unknown as [string, string, string, string];
    if (part === 'type' || part === 'label' || part === 'name') return 'label';
    if (part === 'vcard') return 'property';
    if (group === 'phone') return part === 'e164' ? 'e164' : 'phone';
    if (group === 'e mail' || group === 'email') return 'email';
    if (group === 'address') return ADDRESS_PART[part] ?? 'other';
    if (group === 'website') return 'website';
  }
  return labelledField(k) ?? 'other';
}

/** The group a numbered header belongs to ("Phone 1 - Type" → "phone 1"), so a label finds its value column. */
export function pairOf(header: string): string | null {
  const m = key(header).match(PAIRED);
  return m ? `${m[1]!.replace('email', 'e mail')} ${m[2]}` : null;
}

/** The proposed mapping of every header. */
export function autoMapping(headers: readonly string[]): Record<string, CsvField> {
  const map: Record<string, CsvField> = Object.fromEntries(headers.map((h) => [h, autoField(h)]));
  // German Thunderbird splits the birthday into Geburtsjahr, Geburtsmonat and Geburtstag (the day); Outlook's Geburtstag is the date.
  const keys = new Set(headers.map(key));
  if (keys.has('geburtsmonat')) for (const h of headers) if (key(h) === 'geburtstag') map[h] = 'birthDay';
  return map;
}

/**
 * Values an exporter writes when a field is empty: Outlook's "Normal" sensitivity and priority, "False" for private,
 * "Unspecified" gender and "0/0/00" dates, in each language; Google's own "* myContacts" group. They carry nothing.
 */
const BOOKKEEPING = new Set(
  [
    'Sensitivity', 'Vertraulichkeit', 'Critère de diffusion', 'Gevoeligheid', 'Confidencialidad', 'Priority', 'Priorität', 'Priorité', 'Prioriteit', 'Prioridad',
    'Private', 'Privat', 'Privé', 'Priv', 'Privado', 'Gender', 'Geschlecht', 'Sexe', 'Geslacht', 'Sexo', 'E-mail Type', 'E-mail 2 Type', 'E-mail 3 Type', 'E-Mail-Typ',
    'E-Mail 2: Typ', 'E-Mail 3: Typ', 'Type de messagerie', 'Type de messagerie 2', 'Type de messagerie 3', 'E-mailtype', 'E-mailtype 2', 'E-mailtype 3',
    'Tipo de correo electrónico', 'Tipo de correo electrónico 2', 'Tipo de correo electrónico 3', 'Initials', 'Initialen', 'Initiales', 'Iniciales',
  ].map(key),
);
const EMPTY_VALUES = new Set(
  ['Normal', 'Normaal', 'Normale', 'False', 'Falsch', 'Aus', 'Onwaar', 'Faux', 'Falso', 'Unspecified', 'Nicht angegeben', 'Non spécifié', 'Niet-gespecificeerd', 'No especificado', 'SMTP'].map((v) => v.toLowerCase()),
);
const NO_DATE = /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/;

/** Whether a cell holds only what its exporter writes for "nothing" (so it is neither stored nor kept). */
export function isEmptyCell(header: string, value: string, row: { givenName: string; familyName: string }): boolean {
  if (NO_DATE.test(value)) return true;
  const k = key(header);
  if (/display name|angezeigter name|weergegeven naam|weergavenaam voor e mail|nom complet de l adresse|nombre para mostrar/.test(k)) return value.includes('@');
  if (!BOOKKEEPING.has(k)) return false;
  if (/^(initials|initialen|initiales|iniciales)$/.test(k)) {
    // Outlook makes initials from every name part: "Anna Lena Weiß" → A.L.W., "A.B. van der Berg" → A.B.v.d.B.
    const initials = `${row.givenName} ${row.familyName}`
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((w) => (/\p{L}\./u.test(w) ? w.replace(/[^\p{L}]/gu, '') : w[0]!))
      .join('')
      .toUpperCase();
    return value.replace(/[^\p{L}]/gu, '').toUpperCase() === initials;
  }
  return EMPTY_VALUES.has(value.toLowerCase());
}
