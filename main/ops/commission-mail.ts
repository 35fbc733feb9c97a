/**
 * A commission as an e-mail, for colleagues who do not use Dossier: a mailto: link whose every part is built from
 * validated values and percent-encoded, in the language the user works in. The answer comes back by mail and is
 * pasted in as the submission (commission.submit with via "email").
 */
import { DossierError } from '../../contract/errors';
import type { Commission } from '../../contract/model';
import { sectionText } from '../../contract/section-text';
import { draftKind } from '../store/commissions';

type Lang = 'en' | 'de' | 'nl' | 'fr';
const WORDS: Record<Lang, { subject: string; hello: string; ask: string; lines: string; deadline: string; budget: string; note: string; current: string; none: string; reply: string; cut: string }> = {
  en: { subject: 'Contribution requested', hello: 'Dear {name},', ask: 'Could you write “{what}” for the briefing “{briefing}” ({meeting})?', lines: 'the lines to take on agenda item “{item}”', deadline: 'Deadline: {date}', budget: 'Word budget: {n} words', note: 'Note: {note}', current: 'The text so far:', none: 'There is no text yet.', reply: 'Please reply with your text; it will be pasted into the briefing as your contribution.', cut: '[…] (shortened; ask me for the full text)' },
  de: { subject: 'Beitrag erbeten', hello: 'Liebe/r {name},', ask: 'Könnten Sie „{what}“ für die Vorlage „{briefing}“ ({meeting}) schreiben?', lines: 'den Sprechzettel zu TOP „{item}“', deadline: 'Frist: {date}', budget: 'Umfang: {n} Wörter', note: 'Hinweis: {note}', current: 'Der bisherige Text:', none: 'Es gibt noch keinen Text.', reply: 'Bitte antworten Sie mit Ihrem Text; er wird als Ihr Beitrag in die Vorlage übernommen.', cut: '[…] (gekürzt; den vollständigen Text schicke ich gern)' },
  nl: { subject: 'Bijdrage gevraagd', hello: 'Beste {name},', ask: 'Kunt u „{what}” schrijven voor de briefing „{briefing}” ({meeting})?', lines: 'de spreekpunten bij agendapunt „{item}”', deadline: 'Termijn: {date}', budget: 'Omvang: {n} woorden', note: 'Opmerking: {note}', current: 'De tekst tot nu toe:', none: 'Er is nog geen tekst.', reply: 'Antwoord graag met uw tekst; die wordt als uw bijdrage in de briefing geplakt.', cut: '[…] (ingekort; vraag mij gerust de volledige tekst)' },
  fr: { subject: 'Contribution demandée', hello: 'Bonjour {name},', ask: 'Pourriez-vous rédiger « {what} » pour la note « {briefing} » ({meeting}) ?', lines: 'les éléments de langage sur le point « {item} »', deadline: 'Échéance : {date}', budget: 'Longueur : {n} mots', note: 'Remarque : {note}', current: 'Le texte actuel :', none: 'Il n’y a pas encore de texte.', reply: 'Merci de répondre avec votre texte ; il sera collé dans la note comme votre contribution.', cut: '[…] (abrégé ; demandez-moi le texte complet)' },
};
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** Plain addresses only: no spaces, line breaks, '?', '&' or '%' can slip into the link's header part. */
const ADDRESS = /^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** Mail programs cut long mailto: links (about 2,000 characters in Outlook); the body's quoted text is kept under that. */
const QUOTE_MAX = 1200;

export function commissionMail(c: Commission, language: Lang): { url: string; to: string; subject: string; body: string } {
  const to = c.assignee.email?.trim() ?? '';
  if (!to) throw new DossierError('invalid_input', `${c.assignee.name} has no e-mail address in the dossier; add one to their contact to send the commission by mail.`, { field: 'id' });
  if (!ADDRESS.test(to)) throw new DossierError('invalid_input', `${c.assignee.name}’s e-mail address “${to}” is not a plain address (name@example.org); correct it in their contact.`, { field: 'id' });
  const w = WORDS[language];
  const what = c.agendaItemTitle ? fill(w.lines, { item: c.agendaItemTitle }) : c.sectionTitle;
  const subject = `${w.subject}: ${what} — ${c.briefingTitle}`;
  let text = sectionText({ kind: draftKind(c), content: c.base }).trim();
  if (text.length > QUOTE_MAX) text = `${text.slice(0, QUOTE_MAX).replace(/\s+\S*$/, '')} ${w.cut}`;
  const body = [
    fill(w.hello, { name: c.assignee.name }),
    '',
    fill(w.ask, { what, briefing: c.briefingTitle, meeting: c.meetingTitle }),
    ...(c.deadline ? [fill(w.deadline, { date: c.deadline })] : []),
    ...(c.budgetWords ? [fill(w.budget, { n: c.budgetWords })] : []),
    ...(c.note ? [fill(w.note, { note: c.note })] : []),
    '',
    text ? w.current : w.none,
    ...(text ? ['', text] : []),
    '',
    w.reply,
    '',
    c.requestedBy.name,
    ...(c.requestedBy.post ? [c.requestedBy.post] : []),
  ].join('\r\n');
  // RFC 6068: the address as is (checked above), subject and body percent-encoded; line breaks as %0D%0A.
  const url = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { url, to, subject, body };
}
