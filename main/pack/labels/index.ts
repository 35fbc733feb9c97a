/** The pack's labels by briefing language: one file per language; English for a language without one. */
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import type { PackLabels } from './types';

export type { PackLabels, PackStatus, ParticipantRole, ReleaseLabels, SinceLabels } from './types';

const TABLE = { en, de, nl, fr } satisfies Record<string, PackLabels>;
export type PackLanguage = keyof typeof TABLE;
export const PACK_LANGUAGES = Object.keys(TABLE) as PackLanguage[];

/** The labels for a briefing language; English for any language without a table. */
export const labelsFor = (language: string): PackLabels => TABLE[language as PackLanguage] ?? en;
