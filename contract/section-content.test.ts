import { describe, expect, it } from 'vitest';
import { parseSectionBody, sectionContent, sectionOf } from './section-content';
import { countWords, sectionText } from './section-text';

describe('section content, typed once', () => {
  it('parses each kind into its body and writes it back as the same text', () => {
    const km = '{"items":["Support the study."],"handling":["internal"]}';
    expect(parseSectionBody('key_messages', km)).toEqual({ kind: 'key_messages', items: ['Support the study.'], handling: ['internal'] });
    expect(sectionContent(parseSectionBody('key_messages', km))).toBe(km);
    const qa = '{"pairs":[{"question":"Why?","answer":"Because.","handling":"internal"}]}';
    expect(sectionContent(parseSectionBody('qa', qa))).toBe(qa);
    const briefs = '{"briefs":[{"agendaItemId":3,"text":"Lines.","title":"Item"}]}';
    expect(sectionContent(parseSectionBody('agenda_briefs', briefs))).toBe(briefs);
    expect(parseSectionBody('markdown', '# Objectives')).toEqual({ kind: 'markdown', markdown: '# Objectives' });
    expect(parseSectionBody('whos_who', '')).toEqual({ kind: 'whos_who' });
  });

  it('reads JSON that does not parse, or does not fit, as an empty body (never fails a pack)', () => {
    expect(parseSectionBody('qa', '{not json')).toEqual({ kind: 'qa', pairs: [] });
    expect(parseSectionBody('key_messages', '{"items":"one"}')).toEqual({ kind: 'key_messages', items: [] });
    expect(parseSectionBody('agenda_briefs', '')).toEqual({ kind: 'agenda_briefs', briefs: [] });
  });


  it('the editor counts what it edits: sectionText reads the content, not the body as the store read it', () => {
    const edited = { ...sectionOf({ id: 1, briefingId: 1, position: 1, kind: 'markdown', title: 'Objectives', content: '', handling: 'may_use', updatedAt: '' }), content: 'Secure broad support now.' };
    expect(countWords(sectionText(edited))).toBe(4);
  });
});
