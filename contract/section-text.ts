/**
 * A section as readable text, and the word count pre-flight checks budgets against. Shared so the briefing
 * editor shows the very count pre-flight uses.
 */
import type { Section, SectionBody } from './model';
import { parseSectionBody } from './section-content';

/** A section's body as readable text, so a diff of structured sections reads like the pack, not like JSON. */
export function bodyText(body: SectionBody): string {
  switch (body.kind) {
    case 'markdown':
      return body.markdown;
    case 'key_messages':
      return body.items.map((m) => `• ${m}`).join('\n');
    case 'qa':
      return body.pairs.map((p) => `Q: ${p.question}\nA: ${p.answer}`).join('\n\n');
    case 'agenda_briefs':
      return body.briefs
        .filter((b) => b.text.trim() !== '')
        .map((b) => `${b.title ?? `Agenda item ${b.agendaItemId}`}\n${b.text}`)
        .join('\n\n');
    default:
      return ''; // generated from the store when shown; nothing of its own to compare
  }
}

/** A section as readable text (the editor has only its content; main passes the body the store parsed). */
export const sectionText = (s: Pick<Section, 'kind' | 'content'> & { body?: SectionBody }): string => bodyText(s.body ?? parseSectionBody(s.kind, s.content));

/** Words: runs of non-space holding a letter or digit, so bullets, "Q:" markers' colons and Markdown marks don't count alone. */
export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
