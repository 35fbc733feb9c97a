/**
 * Structure-aware mutations for the hostile-input suite (hostile-input.test.ts): each knows the grain of its format
 * (content lines and their parameters and values for vCard and iCalendar, cells and quoting for CSV, lines and
 * disguised addresses for pasted text) and breaks it the ways real files and attackers do.
 */
import fc from 'fast-check';

/** Values that break parsers: separators, escapes, control characters, huge and deep things, scripts. */
export const NASTY = [
  '',
  ';',
  ',',
  ':',
  '\\',
  '\\n',
  '\\;',
  '"',
  "'",
  '=',
  '=0D=0A',
  '=\r\n',
  '^n',
  "^'",
  '\u0000',
  '\u000b',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\ud800',
  '😀',
  'ß',
  'Ελένη',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'perrin@ilo.org?attach=/etc/passwd',
  'mailto:a@b.org,c@d.org',
  'Deutsch (Muttersprache)',
  '%E0%A4%A',
  '0000-00-00',
  '99999999T999999Z',
  '-1',
  '1e308',
  'NaN',
  '{"__proto__":{"x":1}}',
  'A'.repeat(5000),
  '@'.repeat(300),
  ' [at] '.repeat(200),
  '('.repeat(500),
  'a'.repeat(64) + '@' + 'b.'.repeat(120) + 'org',
];

const nasty = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY) }, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));

/** A line of a content-line format split into name, parameters and value ("TEL;TYPE=WORK:+41 …"). */
function splitLine(line: string): { head: string; value: string } {
  const colon = line.indexOf(':');
  return colon < 0 ? { head: line, value: '' } : { head: line.slice(0, colon), value: line.slice(colon + 1) };
}

type Edit = (lines: string[]) => string[];

/** Mutations of content-line formats (vCard, iCalendar): `extra` are whole lines worth inserting for that format. */
export function mutateContentLines(seed: string, extra: readonly string[]): fc.Arbitrary<string> {
  const lines = seed.split(/\r?\n/);
  const at = fc.nat({ max: Math.max(0, lines.length - 1) });
  const edits: fc.Arbitrary<Edit>[] = [
    at.map((i) => (l) => l.filter((_, k) => k !== i)),
    at.map((i) => (l) => [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)]),
    fc.tuple(at, at).map(([i, j]) => (l) => {
      const c = [...l];
      [c[i], c[j]] = [c[j] ?? '', c[i] ?? ''];
      return c;
    }),
    fc.tuple(at, nasty).map(([i, v]) => (l) => l.map((x, k) => (k === i ? `${splitLine(x).head}:${v}` : x))),
    fc.tuple(at, nasty).map(([i, v]) => (l) => l.map((x, k) => (k === i ? `${splitLine(x).head};X-P=${v}:${splitLine(x).value}` : x))),
    fc.tuple(at, fc.constantFrom(...extra)).map(([i, x]) => (l) => [...l.slice(0, i), x, ...l.slice(i)]),
    // Folding where it does not belong, and a value unfolded across a bare line.
    fc.tuple(at, fc.nat({ max: 80 })).map(([i, p]) => (l) => l.map((x, k) => (k === i ? `${x.slice(0, p)}\r\n ${x.slice(p)}` : x))),
    fc.tuple(at, fc.nat({ max: 80 })).map(([i, p]) => (l) => l.map((x, k) => (k === i ? `${x.slice(0, p)}\r\n${x.slice(p)}` : x))),
    // A block repeated (a long file of the same record), or the file cut short.
    fc.tuple(at, at, fc.integer({ min: 2, max: 200 })).map(([i, j, n]) => (l) => [...l.slice(0, Math.min(i, j)), ...Array.from({ length: n }, () => l.slice(Math.min(i, j), Math.max(i, j) + 1)).flat(), ...l.slice(Math.max(i, j) + 1)]),
    at.map((i) => (l) => l.slice(0, i)),
  ];
  return fc.tuple(fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 4 }), fc.constantFrom('\r\n', '\n', '\r')).map(([es, eol]) => es.reduce((l, e) => e(l), lines).join(eol));
}

/** Lines a hostile vCard carries. */
export const VCARD_LINES = [
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:2.1',
  'VERSION:9.9',
  'N:' + ';'.repeat(300),
  'FN:' + 'x'.repeat(10_000),
  'EMAIL;TYPE=work:perrin@ilo.org?attach=/etc/passwd',
  'EMAIL:mailto:perrin@ilo.org',
  'TEL;VALUE=uri:tel:+41-22-799-6111;ext=12;phone-context=%00',
  'TEL:' + '9'.repeat(500),
  'LANG;PREF=1:Deutsch (Muttersprache)',
  'LANG:%%',
  'URL:javascript:alert(1)',
  'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=28=FF=',
  'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=X-UNKNOWN:abc',
  'PHOTO;ENCODING=b;TYPE=JPEG:' + 'A'.repeat(20_000),
  'REV:not-a-date',
  'X-DOSSIER-DATED:2017-13',
  'X-DOSSIER-INTERNAL:maybe',
  'item1.X-ABLabel:_$!<Mobile>!$_',
  'ORG:' + 'Unit;'.repeat(200),
  'ADR:;;' + ';'.repeat(50),
  'N;CHARSET=UTF-16:x;y',
];

/** Lines a hostile calendar carries: endless and impossible rules, zones that never stop, dates out of range. */
export const ICS_LINES = [
  'BEGIN:VEVENT',
  'END:VEVENT',
  'BEGIN:VTIMEZONE',
  'END:VTIMEZONE',
  'BEGIN:STANDARD',
  'END:STANDARD',
  'RRULE:FREQ=SECONDLY',
  'RRULE:FREQ=MINUTELY;COUNT=100000000',
  'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'RRULE:FREQ=YEARLY;BYSETPOS=-366;BYDAY=MO',
  'RRULE:FREQ=WEEKLY;INTERVAL=0',
  'RRULE:' + 'FREQ=DAILY;'.repeat(200),
  'EXDATE:' + Array.from({ length: 500 }, (_, i) => `2026${String((i % 12) + 1).padStart(2, '0')}01T090000Z`).join(','),
  'RDATE:' + Array.from({ length: 500 }, (_, i) => `2027${String((i % 12) + 1).padStart(2, '0')}02T090000Z`).join(','),
  'DTSTART:00010101T000000Z',
  'DTSTART:99991231T235959Z',
  'DTSTART;TZID=Nowhere/Never:20261130T090000',
  'DTSTART;VALUE=DATE:20261130',
  'DTEND:19700101T000000Z',
  'DURATION:P99999999W',
  'TZID:Endless',
  'TZOFFSETFROM:+9999',
  'TZOFFSETTO:-2500',
  'SUMMARY:' + 'x'.repeat(50_000),
  'DESCRIPTION:Item 1: ' + 'Item 2: '.repeat(2000),
  'UID:' + '\u0000'.repeat(10),
  'RECURRENCE-ID:20261130T090000Z',
  'ATTENDEE;CN="Perrin":mailto:perrin@ilo.org?attach=/etc/passwd',
  'BEGIN:VCALENDAR',
  'END:VCALENDAR',
];

/** Mutations of a CSV file at the grain of rows, cells and quotes. */
export function mutateCsv(seed: string): fc.Arbitrary<string> {
  const rows = seed.replace(/^\ufeff/, '').split(/\r?\n/);
  const at = fc.nat({ max: Math.max(0, rows.length - 1) });
  const edits: fc.Arbitrary<Edit>[] = [
    fc.tuple(at, nasty).map(([i, v]) => (r) => r.map((x, k) => (k === i ? `${x},${v}` : x))),
    fc.tuple(at, nasty).map(([i, v]) => (r) => r.map((x, k) => (k === i ? `"${v.replace(/"/g, '""')}",${x}` : x))),
    at.map((i) => (r) => r.map((x, k) => (k === i ? x.replace(/"/, '') : x))),
    at.map((i) => (r) => r.map((x, k) => (k === i ? x.replace(/,/g, ';') : x))),
    at.map((i) => (r) => r.map((x, k) => (k === i ? x.split(/[,;]/).slice(0, 1).join(',') : x))),
    fc.tuple(at, fc.integer({ min: 2, max: 500 })).map(([i, n]) => (r) => [...r, ...Array.from({ length: n }, () => r[i] ?? '')]),
    at.map((i) => (r) => [...r.slice(0, i), `"multi\nline ${'x'.repeat(100)}",=1+1,@SUM(A1),-2,+3`, ...r.slice(i)]),
    fc.constant((r: string[]) => [r[0] ?? '', ...Array.from({ length: 100 }, () => ',')]),
    fc.constant((r: string[]) => [`"${'a'.repeat(100_000)}`]),
    at.map((i) => (r) => r.slice(0, i)),
  ];
  return fc.tuple(fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([es, bom]) => (bom ? '\ufeff' : '') + es.reduce((r, e) => e(r), rows).join('\r\n'));
}

/** Mutations of pasted text: lines, labels, disguised addresses and the shapes that make regular expressions slow. */
export function mutateText(seed: string): fc.Arbitrary<string> {
  const lines = seed.split('\n');
  const at = fc.nat({ max: Math.max(0, lines.length - 1) });
  const lure = fc.constantFrom(
    'E-Mail: ' + 'a [at] '.repeat(300) + 'b',
    'Tel.: ' + '+'.repeat(200) + '1'.repeat(200),
    'Languages: ' + 'English, '.repeat(500),
    'x (at) '.repeat(500) + 'ilo dot org',
    'Stand: 31.02.2021',
    'Information dated: 0000',
    'Mr. ' + 'A. '.repeat(300),
    '\t'.repeat(100) + 'Referat VI a 2',
    ' '.repeat(10_000),
    'Dr. Anna Weiß\u0000\u0085\u2028Referentin',
  );
  const edits: fc.Arbitrary<Edit>[] = [
    fc.tuple(at, lure).map(([i, x]) => (l) => [...l.slice(0, i), x, ...l.slice(i)]),
    fc.tuple(at, nasty).map(([i, v]) => (l) => l.map((x, k) => (k === i ? `${x}${v}` : x))),
    at.map((i) => (l) => l.filter((_, k) => k !== i)),
    fc.tuple(at, fc.integer({ min: 2, max: 300 })).map(([i, n]) => (l) => [...l, ...Array.from({ length: n }, () => l[i] ?? '')]),
  ];
  return fc.array(fc.oneof(...edits), { minLength: 1, maxLength: 4 }).map((es) => es.reduce((l, e) => e(l), lines).join('\n'));
}

/** Mutations of a JSON document at the grain of its values: types swapped, sizes blown up, keys dropped or added. */
export function mutateJson(seed: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(seed, []);
  const replacement = fc.oneof(
    nasty,
    fc.constantFrom(null, true, -1, 1e308, 2 ** 53 + 1, [], {}, Array.from({ length: 20_000 }, (_, i) => i), { __proto__: { polluted: true } }, 'x'.repeat(300_000)),
    fc.jsonValue({ maxDepth: 3 }),
  );
  return fc.array(fc.tuple(fc.constantFrom(...paths), replacement, fc.boolean()), { minLength: 1, maxLength: 3 }).map((changes) => {
    const doc = structuredClone(seed) as Record<string | number, unknown>;
    for (const [path, value, drop] of changes) {
      if (path.length === 0) return value;
      let parent: Record<string | number, unknown> | undefined = doc;
      for (const k of path.slice(0, -1)) parent = parent?.[k] as Record<string | number, unknown> | undefined;
      if (!parent || typeof parent !== 'object') continue;
      const key = path[path.length - 1]!;
      if (drop && !Array.isArray(parent)) delete parent[key];
      else parent[key] = value;
    }
    return doc;
  });
}
