/** The pack's fixed words for handling marks, copies, pre-flight flags, issue and addenda, in the briefing's language. */
import type { HandlingMark, PackVariant } from '../../contract/model';

export interface ReleaseLabels {
  /** How a marked part is labelled in the full pack. */
  handling: Record<HandlingMark, string>;
  /** The caveat added to the marking of a pack containing parts with this mark. */
  caveat: Record<HandlingMark, string>;
  variant: Record<PackVariant, string>;
  /** "Copy 3 of 7 — for J. Smith" */
  copyLine: (copy: number | null, of: number | null, recipient: string) => string;
  currentAsOf: string;
  toCheck: string;
  addendumTitle: (n: number, title: string) => string;
  edition: (n: number) => string;
  addendumIntro: (title: string, issued: string) => string;
  change: Record<'added' | 'changed' | 'removed', string>;
  legend: string;
}

const en: ReleaseLabels = {
  handling: { may_use: 'May be used', not_for_disclosure: 'Background — not for disclosure', internal: 'Internal' },
  caveat: { may_use: '', not_for_disclosure: 'Contains background not for disclosure', internal: 'Internal' },
  variant: { full: 'Full pack', releasable: 'Releasable', runbook: 'Run book' },
  copyLine: (c, of, r) => [c ? `Copy ${c}${of ? ` of ${of}` : ''}` : '', r ? `for ${r}` : ''].filter(Boolean).join(' — '),
  currentAsOf: 'Information current as of',
  toCheck: 'To check',
  addendumTitle: (n, t) => `Addendum ${n} to ${t}`,
  edition: (n) => `Edition ${n}`,
  addendumIntro: (t, d) => `This addendum amends “${t}”, issued ${d}. It contains only the sections changed since.`,
  change: { added: 'New section', changed: 'Changed section', removed: 'Section withdrawn' },
  legend: 'Changes against the issued text: insertions underlined, deletions struck through.',
};

const de: ReleaseLabels = {
  handling: { may_use: 'Verwendbar', not_for_disclosure: 'Hintergrund — nicht zur Weitergabe', internal: 'Intern' },
  caveat: { may_use: '', not_for_disclosure: 'Enthält Hintergrund, nicht zur Weitergabe', internal: 'Intern' },
  variant: { full: 'Vollständige Mappe', releasable: 'Zur Weitergabe', runbook: 'Ablaufmappe' },
  copyLine: (c, of, r) => [c ? `Exemplar ${c}${of ? ` von ${of}` : ''}` : '', r ? `für ${r}` : ''].filter(Boolean).join(' — '),
  currentAsOf: 'Informationsstand',
  toCheck: 'Zu prüfen',
  addendumTitle: (n, t) => `Nachtrag ${n} zu ${t}`,
  edition: (n) => `Ausgabe ${n}`,
  addendumIntro: (t, d) => `Dieser Nachtrag ändert „${t}“, herausgegeben am ${d}. Er enthält nur die seither geänderten Abschnitte.`,
  change: { added: 'Neuer Abschnitt', changed: 'Geänderter Abschnitt', removed: 'Abschnitt entfällt' },
  legend: 'Änderungen gegenüber dem herausgegebenen Text: Einfügungen unterstrichen, Streichungen durchgestrichen.',
};

const nl: ReleaseLabels = {
  handling: { may_use: 'Mag gebruikt worden', not_for_disclosure: 'Achtergrond — niet voor verspreiding', internal: 'Intern' },
  caveat: { may_use: '', not_for_disclosure: 'Bevat achtergrond, niet voor verspreiding', internal: 'Intern' },
  variant: { full: 'Volledig dossier', releasable: 'Vrij te geven', runbook: 'Draaiboek' },
  copyLine: (c, of, r) => [c ? `Exemplaar ${c}${of ? ` van ${of}` : ''}` : '', r ? `voor ${r}` : ''].filter(Boolean).join(' — '),
  currentAsOf: 'Informatie bijgewerkt tot',
  toCheck: 'Te controleren',
  addendumTitle: (n, t) => `Addendum ${n} bij ${t}`,
  edition: (n) => `Editie ${n}`,
  addendumIntro: (t, d) => `Dit addendum wijzigt „${t}”, uitgegeven op ${d}. Het bevat alleen de sindsdien gewijzigde onderdelen.`,
  change: { added: 'Nieuw onderdeel', changed: 'Gewijzigd onderdeel', removed: 'Onderdeel vervallen' },
  legend: 'Wijzigingen ten opzichte van de uitgegeven tekst: toevoegingen onderstreept, schrappingen doorgehaald.',
};

const fr: ReleaseLabels = {
  handling: { may_use: 'Utilisable', not_for_disclosure: 'Contexte — ne pas divulguer', internal: 'Interne' },
  caveat: { may_use: '', not_for_disclosure: 'Contient du contexte à ne pas divulguer', internal: 'Interne' },
  variant: { full: 'Dossier complet', releasable: 'Communicable', runbook: 'Feuille de route' },
  copyLine: (c, of, r) => [c ? `Exemplaire ${c}${of ? ` sur ${of}` : ''}` : '', r ? `pour ${r}` : ''].filter(Boolean).join(' — '),
  currentAsOf: 'Informations à jour au',
  toCheck: 'À vérifier',
  addendumTitle: (n, t) => `Addendum ${n} à ${t}`,
  edition: (n) => `Édition ${n}`,
  addendumIntro: (t, d) => `Cet addendum modifie « ${t} », diffusé le ${d}. Il ne contient que les sections modifiées depuis.`,
  change: { added: 'Nouvelle section', changed: 'Section modifiée', removed: 'Section retirée' },
  legend: 'Modifications par rapport au texte diffusé : ajouts soulignés, suppressions barrées.',
};

const ALL: Record<string, ReleaseLabels> = { en, de, nl, fr };
export const releaseLabelsFor = (language: string): ReleaseLabels => ALL[language] ?? en;
