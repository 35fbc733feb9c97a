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

/**
/**
 * A section's content text as readable text: for the editor, which edits `content` (its `body` is as the store read
 * it, before the edit). Main reads the body the store parsed: bodyText(section.body).
 */
export const sectionText = (s: Pick<Section, 'kind' | 'content'>): string => bodyText(parseSectionBody(s.kind, s.content));

/**
 * A written section's body as the Markdown it prints as: key messages as a list, each Q&A pair as a bold question and
 * its answer, each agenda item's lines under the item's title in bold. Generated sections have no text of their own ('').
 */
export function bodyMarkdown(body: SectionBody): string {
  switch (body.kind) {
    case 'markdown':
      return body.markdown;
    case 'key_messages':
      return body.items
        .filter((m) => m.trim())
        .map((m) => `- ${m.trim()}`)
        .join('\n');
    case 'qa':
      return body.pairs.map((p) => `**${p.question.trim()}**\n\n${p.answer}`).join('\n\n');
    case 'agenda_briefs':
      return body.briefs
        .filter((b) => b.text.trim() !== '')
        .map((b) => `**${b.title ?? `Agenda item ${b.agendaItemId}`}**\n\n${b.text}`)
        .join('\n\n');
    default:
      return '';
  }
}

/** bodyMarkdown of a section's content as edited (see sectionText). */
export const sectionMarkdown = (s: Pick<Section, 'kind' | 'content'>): string => bodyMarkdown(parseSectionBody(s.kind, s.content));

/** Words: runs of non-space holding a letter or digit, so bullets, "Q:" markers' colons and Markdown marks don't count alone. */
export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
