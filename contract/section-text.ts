/**
 * A section as readable text, and the word count pre-flight checks budgets against. Shared so the briefing
 * editor shows the very count pre-flight uses.
 */
import { AgendaBriefsContent, KeyMessagesContent, QaContent, type Section } from './model/briefing';

/** Structured content read with its schema; text that is not JSON, or does not fit, reads as `empty`. */
export function parseJson<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, content: string, empty: T): T {
  try {
    const r = schema.safeParse(JSON.parse(content));
    return r.success ? r.data : empty;
  } catch {
    return empty;
  }
}

/** A section as readable text, so a diff of structured sections reads like the pack, not like JSON. */
export function sectionText(s: Pick<Section, 'kind' | 'content'>): string {
  switch (s.kind) {
    case 'markdown':
      return s.content;
    case 'key_messages':
      return parseJson(KeyMessagesContent, s.content, { items: [] })
        .items.map((m) => `• ${m}`)
        .join('\n');
    case 'qa':
      return parseJson(QaContent, s.content, { pairs: [] })
        .pairs.map((p) => `Q: ${p.question}\nA: ${p.answer}`)
        .join('\n\n');
    case 'agenda_briefs':
      return parseJson(AgendaBriefsContent, s.content, { briefs: [] })
        .briefs.filter((b) => b.text.trim() !== '')
        .map((b) => `${b.title ?? `Agenda item ${b.agendaItemId}`}\n${b.text}`)
        .join('\n\n');
    default:
      return ''; // generated from the store when shown; nothing of its own to compare
  }
}

/** Words: runs of non-space holding a letter or digit, so bullets, "Q:" markers' colons and Markdown marks don't count alone. */
export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
