import { describe, expect, it } from 'vitest';
import { flattenMarkdown } from '../pack/markdown-flat';
import { sectionMarkdown } from '../../contract/section-text';
import { markdownDiff } from './markdown-diff';

const label = (m: string) => ({ may_use: 'May be used', not_for_disclosure: 'Not for disclosure', internal: 'Internal' })[m]!;
const text = (runs: { text?: string; value?: string }[]) => runs.map((r) => r.text ?? r.value).join('');

describe('Markdown rendered to styled text', () => {
  it('keeps emphasis as styles, lists with their bullets and numbers, table rows as lines, and marks as labels', () => {
    const md = [
      '**Welcome** the *report*.',
      '',
      '- first',
      '- second with `code`',
      '  1. nested',
      '',
      '<!-- handling: internal -->',
      'Our fallback.',
      '',
      '| A | B |',
      '| --- | --- |',
      '| 1 | 2 |',
    ].join('\n');
    const runs = flattenMarkdown(md, label);
    expect(text(runs)).toBe('Welcome the report.\n• first\n• second with code\n   1. nested\n[Internal] Our fallback.\nA | B\n1 | 2');
    expect(runs.find((r) => r.text === 'Welcome')).toEqual({ text: 'Welcome', bold: true });
    expect(runs.find((r) => r.text === 'report')).toEqual({ text: 'report', italic: true });
    expect(runs.find((r) => r.text === '[Internal] ')).toEqual({ text: '[Internal] ', italic: true });
    expect(runs.find((r) => r.text === 'A | B')).toEqual({ text: 'A | B', bold: true });
  });

  it('labels a marked table or list on a line of its own; other HTML keeps only its text', () => {
    expect(text(flattenMarkdown('<!-- handling: not_for_disclosure -->\n- one\n- two', label))).toBe('[Not for disclosure] \n• one\n• two');
    expect(text(flattenMarkdown('<div>Kept <b>text</b></div>', label))).toBe('Kept text');
  });
});

describe('markdownDiff', () => {
  it('diffs the words a reader sees, never the Markdown marks, with each side’s emphasis', () => {
    const parts = markdownDiff('Support **policy coherence**.\n\n<!-- handling: internal -->\nA fallback.', 'Support **policy coherence** now.', label);
    expect(parts.some((p) => /\*|<!--/.test(p.value))).toBe(false);
    const then = text(parts.filter((p) => !p.added));
    const now = text(parts.filter((p) => !p.removed));
    expect(then).toBe('Support policy coherence.\n[Internal] A fallback.');
    expect(now).toBe('Support policy coherence now.');
    expect(parts.find((p) => p.value === 'policy coherence')).toEqual({ value: 'policy coherence', added: false, removed: false, bold: true });
  });

  it('shows a change of emphasis alone as a change: the old style removed, the new one added', () => {
    const parts = markdownDiff('Welcome the report.', '**Welcome** the report.', label);
    expect(parts.slice(0, 2)).toEqual([
      { value: 'Welcome', added: false, removed: true },
      { value: 'Welcome', added: true, removed: false, bold: true },
    ]);
    expect(text(parts.filter((p) => !p.added))).toBe('Welcome the report.');
  });

  it('writes structured sections out as the Markdown they print as', () => {
    expect(sectionMarkdown({ kind: 'key_messages', content: JSON.stringify({ items: ['One **bold** line', ' '] }) })).toBe('- One **bold** line');
    expect(sectionMarkdown({ kind: 'qa', content: JSON.stringify({ pairs: [{ question: 'Why?', answer: 'Because.' }] }) })).toBe('**Why?**\n\nBecause.');
    expect(sectionMarkdown({ kind: 'agenda_briefs', content: JSON.stringify({ briefs: [{ agendaItemId: 4, title: 'Item', text: 'Lines.' }, { agendaItemId: 5, text: ' ' }] }) })).toBe('**Item**\n\nLines.');
    expect(sectionMarkdown({ kind: 'programme', content: '' })).toBe('');
  });
});
