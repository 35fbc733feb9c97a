/** The fixed words of the "since last time" section and the "new in post" mark, in the briefing's language. */

export interface SinceLabels {
  title: string;
  previousMeeting: string;
  noPrevious: string;
  /** Which text of last time's briefing was compared. */
  basisVersion: (n: number, date: string) => string;
  basisCurrent: string;
  noBriefing: string;
  whatWeSaid: string;
  keyMessages: string;
  item: string;
  unchanged: string;
  added: string;
  removed: string;
  legend: string;
  then: string;
  now: string;
  todayLine: string;
  outcomes: string;
  committedBy: string;
  counterpartCommitted: string;
  us: string;
  noOutcomes: string;
  followUps: string;
  people: string;
  joined: string;
  left: string;
  samePeople: string;
  drift: string;
  driftNote: string;
  noDrift: string;
  standardLine: string;
  /** "New in post since 5 March 2026" (the date of the series' last meeting). */
  newInPost: (date: string) => string;
}

const en: SinceLabels = {
  title: 'Since last time',
  previousMeeting: 'Previous meeting',
  noPrevious: 'No earlier meeting of this series or host is in the dossier.',
  basisVersion: (n, d) => `Our briefing as used then: version ${n}, saved ${d}`,
  basisCurrent: 'Our briefing for that meeting (no version saved before it ended; current text)',
  noBriefing: 'No briefing was written for that meeting.',
  whatWeSaid: 'What we said last time, and what we say now',
  keyMessages: 'Key messages',
  item: 'Item',
  unchanged: 'unchanged',
  added: 'new',
  removed: 'dropped',
  legend: 'Left: what we said then, words since dropped in bold red. Right: what we say now, new words in bold blue.',
  then: 'Then',
  now: 'Now',
  todayLine: 'Today’s key message',
  outcomes: 'Outcomes and commitments',
  committedBy: 'Committed by',
  counterpartCommitted: 'Counterpart commitment',
  us: 'us',
  noOutcomes: 'No outcomes were recorded.',
  followUps: 'Follow-ups still open',
  people: 'Who is new, who has left',
  joined: 'New since last time',
  left: 'No longer attending',
  samePeople: 'The same people as last time.',
  drift: 'Line drift',
  driftNote: 'Today’s key messages against the standard line on the same topic in the snippet library.',
  noDrift: 'Today’s key messages keep to the standard lines.',
  standardLine: 'Standard line',
  newInPost: (d) => `New in post since ${d}`,
};

const de: SinceLabels = {
  ...en,
  title: 'Seit dem letzten Mal',
  previousMeeting: 'Letzte Sitzung',
  noPrevious: 'Keine frühere Sitzung dieser Reihe oder dieses Gastgebers im Dossier.',
  basisVersion: (n, d) => `Unsere Unterlage von damals: Version ${n}, gespeichert am ${d}`,
  basisCurrent: 'Unsere Unterlage für diese Sitzung (keine Version vor ihrem Ende gespeichert; aktueller Text)',
  noBriefing: 'Für diese Sitzung wurde keine Unterlage geschrieben.',
  whatWeSaid: 'Was wir damals gesagt haben und was wir heute sagen',
  keyMessages: 'Kernbotschaften',
  item: 'TOP',
  unchanged: 'unverändert',
  added: 'neu',
  removed: 'entfallen',
  legend: 'Links: was wir damals sagten, seitdem gestrichene Wörter fett in Rot. Rechts: was wir heute sagen, neue Wörter fett in Blau.',
  then: 'Damals',
  now: 'Heute',
  todayLine: 'Heutige Kernbotschaft',
  outcomes: 'Ergebnisse und Zusagen',
  committedBy: 'Zugesagt von',
  counterpartCommitted: 'Zusage der Gegenseite',
  us: 'uns',
  noOutcomes: 'Keine Ergebnisse erfasst.',
  followUps: 'Noch offene Folgeaufträge',
  people: 'Wer ist neu, wer ist nicht mehr dabei',
  joined: 'Seit dem letzten Mal neu',
  left: 'Nicht mehr dabei',
  samePeople: 'Dieselben Personen wie beim letzten Mal.',
  drift: 'Abweichung von Standardlinien',
  driftNote: 'Die heutigen Kernbotschaften im Vergleich mit der Standardlinie zum selben Thema aus der Textbausteinsammlung.',
  noDrift: 'Die heutigen Kernbotschaften folgen den Standardlinien.',
  standardLine: 'Standardlinie',
  newInPost: (d) => `Neu im Amt seit ${d}`,
};

const nl: SinceLabels = {
  ...en,
  title: 'Sinds de vorige keer',
  previousMeeting: 'Vorige vergadering',
  noPrevious: 'Geen eerdere vergadering van deze reeks of gastheer in het dossier.',
  basisVersion: (n, d) => `Onze instructie van toen: versie ${n}, opgeslagen ${d}`,
  basisCurrent: 'Onze instructie voor die vergadering (geen versie opgeslagen vóór het einde; huidige tekst)',
  noBriefing: 'Voor die vergadering is geen instructie geschreven.',
  whatWeSaid: 'Wat we toen zeiden en wat we nu zeggen',
  keyMessages: 'Kernboodschappen',
  item: 'Punt',
  unchanged: 'ongewijzigd',
  added: 'nieuw',
  removed: 'vervallen',
  legend: 'Links: wat we toen zeiden, sindsdien geschrapte woorden vet in rood. Rechts: wat we nu zeggen, nieuwe woorden vet in blauw.',
  then: 'Toen',
  now: 'Nu',
  todayLine: 'Kernboodschap van vandaag',
  outcomes: 'Uitkomsten en toezeggingen',
  committedBy: 'Toegezegd door',
  counterpartCommitted: 'Toezegging van de wederpartij',
  us: 'ons',
  noOutcomes: 'Geen uitkomsten vastgelegd.',
  followUps: 'Nog openstaande acties',
  people: 'Wie is nieuw, wie is vertrokken',
  joined: 'Nieuw sinds de vorige keer',
  left: 'Niet meer aanwezig',
  samePeople: 'Dezelfde mensen als de vorige keer.',
  drift: 'Afwijking van standaardlijnen',
  driftNote: 'De kernboodschappen van vandaag naast de standaardlijn over hetzelfde onderwerp uit de tekstbibliotheek.',
  noDrift: 'De kernboodschappen van vandaag volgen de standaardlijnen.',
  standardLine: 'Standaardlijn',
  newInPost: (d) => `Nieuw in functie sinds ${d}`,
};

const fr: SinceLabels = {
  ...en,
  title: 'Depuis la dernière fois',
  previousMeeting: 'Réunion précédente',
  noPrevious: 'Aucune réunion antérieure de cette série ou de cet hôte dans le dossier.',
  basisVersion: (n, d) => `Notre note d’alors : version ${n}, enregistrée le ${d}`,
  basisCurrent: 'Notre note pour cette réunion (aucune version enregistrée avant sa fin ; texte actuel)',
  noBriefing: 'Aucune note n’a été rédigée pour cette réunion.',
  whatWeSaid: 'Ce que nous avons dit la dernière fois, et ce que nous disons aujourd’hui',
  keyMessages: 'Messages clés',
  item: 'Point',
  unchanged: 'inchangé',
  added: 'nouveau',
  removed: 'abandonné',
  legend: 'À gauche : ce que nous disions alors, mots abandonnés depuis en gras rouge. À droite : ce que nous disons aujourd’hui, mots nouveaux en gras bleu.',
  then: 'Alors',
  now: 'Aujourd’hui',
  todayLine: 'Message clé d’aujourd’hui',
  outcomes: 'Résultats et engagements',
  committedBy: 'Engagement de',
  counterpartCommitted: 'Engagement de l’interlocuteur',
  us: 'nous',
  noOutcomes: 'Aucun résultat enregistré.',
  followUps: 'Actions de suivi encore ouvertes',
  people: 'Qui est nouveau, qui est parti',
  joined: 'Nouveaux depuis la dernière fois',
  left: 'Ne participent plus',
  samePeople: 'Les mêmes personnes que la dernière fois.',
  drift: 'Écarts par rapport aux lignes standard',
  driftNote: 'Les messages clés d’aujourd’hui comparés à la ligne standard sur le même thème dans la bibliothèque de textes.',
  noDrift: 'Les messages clés d’aujourd’hui suivent les lignes standard.',
  standardLine: 'Ligne standard',
  newInPost: (d) => `Nouveau en poste depuis le ${d}`,
};

const ALL: Record<string, SinceLabels> = { en, de, nl, fr };
export const sinceLabelsFor = (language: string): SinceLabels => ALL[language] ?? en;
