import { describe, expect, it } from 'vitest';
import { packHtml, packHtmlMargins } from './pack-html';
import { samplePackDocument } from '../main/test-support/sample-pack';

describe('packHtml (the benchmark’s Chromium rendering)', () => {
  it('has every section, the names, a repeating table header, and shows raw HTML as text', () => {
    const doc = samplePackDocument();
    const html = packHtml({ ...doc, sections: [...doc.sections, { kind: 'markdown', title: 'Raw', markdown: '<script>alert(1)</script>' }] });
    for (const s of doc.sections) expect(html).toContain(s.title.replace(/&/g, '&amp;'));
    for (const name of ['Özdemir', 'Weiß', 'Małgorzata', 'Παπαδοπούλου']) expect(html).toContain(name);
    expect(html).toContain('<thead>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const margins = packHtmlMargins(doc);
    expect(margins.footerTemplate).toContain('<span class="pageNumber"></span>');
    expect(margins.headerTemplate).toContain('RESTRICTED');
  });
});
