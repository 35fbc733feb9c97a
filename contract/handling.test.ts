import { expect, it } from 'vitest';
import { HANDLING_MARKS } from './model';
import { highestMark, markLine, readMark, releasable } from './handling';

it('reads back every mark it writes, and the spellings people type', () => {
  for (const m of HANDLING_MARKS) expect(readMark(markLine(m))).toBe(m);
  expect(readMark('  <!--handling: Not for Disclosure-->  ')).toBe('not_for_disclosure');
  expect(readMark('<!-- handling: may-use -->')).toBe('may_use');
  expect(readMark('<!-- handling: secret -->')).toBeNull();
  expect(readMark('Text <!-- handling: internal -->')).toBeNull();
});

it('ranks marks: internal over not for disclosure over may use', () => {
  expect(highestMark([])).toBe('may_use');
  expect(highestMark(['may_use', null, 'not_for_disclosure'])).toBe('not_for_disclosure');
  expect(highestMark(['internal', 'not_for_disclosure'])).toBe('internal');
  expect([null, 'may_use', 'not_for_disclosure', 'internal'].map((m) => releasable(m as never))).toEqual([true, true, false, false]);
});
