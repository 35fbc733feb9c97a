/**
 * Short names of section kinds for people, for the kind badge and the add-section menu (catalog keys
 * `sections.kinds.*`; the longer `enum.sectionKind.*` labels are the default titles of new sections).
 */
import type { Section } from '../../../../contract/model';

/** Kinds drawn from the store when the pack is built; their label says so. */
const GENERATED: ReadonlySet<Section['kind']> = new Set(['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'open_actions', 'contact_sheet']);

type Translate = (id: string, options?: { values?: Record<string, string> }) => string;

/** 'Q&A', 'Who’s who (generated)'; pass the component's `$_` so the label follows the language. */
export function kindLabel(tr: Translate, kind: Section['kind']): string {
  const name = tr(`sections.kinds.${kind}`);
  return GENERATED.has(kind) ? tr('sections.generatedKind', { values: { kind: name } }) : name;
}
