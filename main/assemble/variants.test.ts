import { describe, expect, it } from 'vitest';
import type { BriefingDetail, Section } from '../../contract/model';
import { sectionOf } from '../../contract/section-content';
import { briefingForVariant, highestMark, labelledMarkdown, markdownBlocks, packMarking, releasableMarkdown, sectionMarks } from './variants';

const md = ['Opening paragraph that may be used.', '<!-- handling: not_for_disclosure -->\nOur fallback is a two-year delay, never say so.', '- list item\n- another', '<!-- handling: internal -->\n| a | b |\n|---|---|\n| x | y |', 'Closing words.'].join('\n\n');

const section = (id: number, kind: Section['kind'], content: string, handling: Section['handling'] = 'may_use', title = `S${id}`): Section =>
  sectionOf({ id, briefingId: 1, position: id, kind, title, content, handling, updatedAt: '' });
const briefing = (sections: Section[]): BriefingDetail => ({
  id: 1,
  meetingId: 1,
  meetingTitle: 'M',
  title: 'B',
  classification: 'OFFICIAL-SENSITIVE',
  language: 'en',
  owner: '',
  deadline: null,
  status: 'draft',
  updatedAt: '',
  sections,
});

describe('handling marks on Markdown blocks', () => {
  it('reads the comment before a block as that block’s mark, and only that block’s', () => {
    const marks = markdownBlocks(md).filter((b) => b.type !== 'space').map((b) => [b.type, b.mark]);
    expect(marks).toEqual([
      ['paragraph', null],
      ['paragraph', 'not_for_disclosure'],
      ['list', null],
      ['table', 'internal'],
      ['paragraph', null],
    ]);
  });

  it('removes marked blocks with their words and reports their first words', () => {
    const r = releasableMarkdown(md);
    expect(r.markdown).not.toContain('fallback');
    expect(r.markdown).not.toContain('handling');
    expect(r.markdown).not.toContain('| x |');
    expect(r.markdown).toContain('Opening paragraph');
    expect(r.markdown).toContain('- another');
    expect(r.dropped.map((d) => d.mark)).toEqual(['not_for_disclosure', 'internal']);
    expect(r.dropped[0]!.text).toBe('Our fallback is a two-year delay, never say so.');
  });

  it('labels marked blocks in words for the full pack', () => {
    const out = labelledMarkdown(md, (m) => m.toUpperCase());
    expect(out).toContain('*[NOT_FOR_DISCLOSURE]* Our fallback');
    expect(out).toContain('*[INTERNAL]*\n\n| a | b |');
  });

  it('accepts the mark written in words too', () => {
    expect(markdownBlocks('<!-- handling: not for disclosure -->\nSecret.')[0]!.mark).toBe('not_for_disclosure');
  });
});

describe('variants', () => {
  const b = briefing([
    section(1, 'markdown', md, 'may_use', 'Objectives'),
    section(2, 'markdown', 'Whole section secret.', 'internal', 'Negotiating room'),
    section(3, 'qa', JSON.stringify({ pairs: [{ question: 'Open question?', answer: 'Yes.' }, { question: 'Awkward question?', answer: 'Hidden answer.', handling: 'not_for_disclosure' }] })),
    section(4, 'key_messages', JSON.stringify({ items: ['Public line.', 'Private line.'], handling: [null, 'internal'] })),
    section(5, 'programme', ''),
    section(6, 'markdown', 'Hotel and transport.', 'may_use', 'Logistics'),
  ]);

  it('full keeps everything', () => {
    expect(briefingForVariant(b, 'full').briefing).toBe(b);
  });

  it('releasable drops marked sections, paragraphs, questions and key messages, and reports each', () => {
    const { briefing: r, dropped } = briefingForVariant(b, 'releasable');
    const text = JSON.stringify(r);
    for (const gone of ['fallback', 'Whole section secret', 'Awkward question', 'Hidden answer', 'Private line', '| x |']) expect(text).not.toContain(gone);
    for (const kept of ['Opening paragraph', 'Open question?', 'Public line.']) expect(text).toContain(kept);
    expect(dropped.map((d) => [d.part, d.text])).toEqual([
      ['paragraph', 'Our fallback is a two-year delay, never say so.'],
      ['paragraph', 'a b x y'],
      ['section', 'Negotiating room'],
      ['question', 'Awkward question?'],
      ['key_message', 'Private line.'],
    ]);
  });

  it('the run book keeps programme and logistics only', () => {
    const { briefing: r, dropped } = briefingForVariant(b, 'runbook');
    expect(r.sections.map((s) => s.title)).toEqual(['S5', 'Logistics']);
    expect(dropped.filter((d) => d.reason === 'runbook').map((d) => d.text)).toEqual(['Objectives', 'Negotiating room', 'S3', 'S4']);
  });

  it('the overall marking is the classification plus the highest mark contained; a releasable pack carries none', () => {
    const caveat = (m: string) => m.toUpperCase();
    expect(highestMark(b.sections.flatMap(sectionMarks))).toBe('internal');
    expect(highestMark([])).toBe('may_use');
    expect(highestMark(['may_use', 'not_for_disclosure', null])).toBe('not_for_disclosure');
    expect(packMarking('OFFICIAL-SENSITIVE', 'internal', caveat)).toBe('OFFICIAL-SENSITIVE — INTERNAL');
    expect(packMarking('', 'not_for_disclosure', caveat)).toBe('NOT_FOR_DISCLOSURE');
    const released = briefingForVariant(b, 'releasable').briefing;
    expect(packMarking('OFFICIAL', highestMark(released.sections.flatMap(sectionMarks)), caveat)).toBe('OFFICIAL');
  });
});
