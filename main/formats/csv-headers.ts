/**
 * Automatic column mapping for the CSV exports people have: Outlook (English, German, Dutch, French), Google
 * Contacts (old "Given Name"/"Organization 1 - Name" and new "First Name"/"Organization Name" layouts) and
 * Dossier's own export. Anything not recognised maps to 'ignore'; the user corrects the mapping in the preview.
 */
import type { CsvField } from '../../contract/model';
import { simplify } from './text-lines';

// Folded headers (see `key`) → field.
const EXACT: Record<string, CsvField> = {};
const add = (field: CsvField, ...headers: string[]) => headers.forEach((h) => (EXACT[key(h)] = field));

/** Header text folded for lookup: case, accents, punctuation and spacing ignored. */
function key(header: string): string {
  return simplify(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

add('honorific', 'Title', 'Name Prefix', 'Prefix', 'Honorific', 'Anrede', 'Titel', 'Aanhef', 'Civilité', 'Titre');
add('givenName', 'First Name', 'Given Name', 'Given Names', 'Vorname', 'Voornaam', 'Prénom');
add('middleName', 'Middle Name', 'Additional Name', 'Weitere Vornamen', 'Zweiter Vorname', 'Middelste naam', 'Tussenvoegsel', 'Deuxième prénom');
add('familyName', 'Last Name', 'Family Name', 'Surname', 'Nachname', 'Achternaam', 'Nom', 'Nom de famille');
add('fullName', 'Name', 'Full Name', 'Display Name', 'Formatted Name', 'Vollständiger Name', 'Volledige naam', 'Nom complet');
add('position', 'Job Title', 'Organization 1 - Title', 'Organization Title', 'Position', 'Funktion', 'Functie', 'Fonction', 'Poste');
add('organisation', 'Company', 'Organization', 'Organisation', 'Organization 1 - Name', 'Organization Name', 'Firma', 'Unternehmen', 'Bedrijf', 'Organisatie', 'Société', 'Entreprise');
add('department', 'Department', 'Organization 1 - Department', 'Organization Department', 'Abteilung', 'Afdeling', 'Service', 'Département');
add('institutionPath', 'Institution');
add('phone.work', 'Business Phone', 'Business Phone 2', 'Company Main Phone', 'Primary Phone', 'Work Phone', 'Telefon geschäftlich', 'Telefon geschäftlich 2', 'Telefon Firma', 'Telefoon op werk', 'Telefoon op werk 2', 'Hoofdtelefoon bedrijf', 'Téléphone (bureau)', 'Téléphone bureau', 'Téléphone 2 (bureau)', 'Téléphone société');
add('phone.mobile', 'Mobile Phone', 'Mobile', 'Cell Phone', 'Mobiltelefon', 'Handy', 'Mobiele telefoon', 'Mobiel', 'Tél. mobile', 'Téléphone mobile', 'Portable');
add('phone.home', 'Home Phone', 'Home Phone 2', 'Telefon privat', 'Telefoon thuis', 'Téléphone (domicile)', 'Téléphone domicile');
add('phone.fax', 'Business Fax', 'Fax', 'Fax geschäftlich', 'Fax op werk', 'Télécopie (bureau)', 'Télécopie bureau', 'Fax bureau');
add('phone', 'Other Phone', 'Phone', 'Telephone', 'Weiteres Telefon', 'Overige telefoon', 'Autre téléphone');
add('email.work', 'E-mail Address', 'Email Address', 'E-mail', 'Email', 'E-Mail-Adresse', 'E-mailadres', 'Adresse de messagerie', 'Adresse e-mail', 'Courriel');
add('email', 'E-mail 2 Address', 'E-mail 3 Address', 'E-Mail 2: Adresse', 'E-Mail 3: Adresse', 'E-mail 2-adres', 'E-mail 3-adres', 'Adresse de messagerie 2', 'Adresse de messagerie 3');
add('website', 'Web Page', 'Website', 'Web', 'Homepage', 'Webseite', 'Webpagina', 'Page Web', 'Site Web', 'Website 1 - Value');
add('languages', 'Languages', 'Language', 'Sprache', 'Sprachen', 'Taal', 'Talen', 'Langue', 'Langues');
add('notes', 'Notes', 'Note', 'Notizen', 'Notities', 'Remarques');
add('informationDated', 'Information Dated', 'Information dated', 'Stand', 'Informatie bijgewerkt', 'Mis à jour');
add('internal', 'Internal');
add('source', 'Source', 'Quelle', 'Bron');

// Google's numbered pairs: "Phone 1 - Type" + "Phone 1 - Value", "E-mail 2 - Label" + "E-mail 2 - Value"; Dossier adds "- E164".
const PAIRED = /^(phone|e mail|email) \d+ (type|label|value|e164)$/;

/** The field a header maps to, or 'ignore'. */
export function autoField(header: string): CsvField {
  const k = key(header);
  const paired = k.match(PAIRED);
  if (paired) {
    const kind = paired[1] === 'phone' ? 'phone' : 'email';
    return paired[2] === 'value' ? kind : paired[2] === 'e164' ? (kind === 'phone' ? 'e164' : 'ignore') : 'label';
  }
  return EXACT[k] ?? 'ignore';
}

/** The pair a numbered header belongs to ("Phone 1 - Type" → "phone 1"), so a label finds its value column. */
export function pairOf(header: string): string | null {
  const m = key(header).match(/^((?:phone|e mail|email) \d+) /);
  return m ? m[1]!.replace('email', 'e mail') : null;
}

/** The proposed mapping of every header. Where the same header appears twice, both columns map alike. */
export const autoMapping = (headers: readonly string[]): Record<string, CsvField> => Object.fromEntries(headers.map((h) => [h, autoField(h)]));
