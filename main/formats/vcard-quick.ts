/**
 * The common vCard content line read without ical.js: `[group.]NAME[;KEY=value…]:value` where nothing needs
 * unescaping or converting (no backslash, no quotes, no ^ escapes; a text, URI or language-tag value). Address
 * books are made almost entirely of such lines, and ical.js's general parser was the slowest step of a large import
 * (issue 18). The answer is ical.js's own jCard for the line (the tests compare the two on generated lines and on
 * every fixture); anything else gets null, and the caller asks ical.js.
 */
import ICAL from 'ical.js';

type Params = Record<string, string | string[]>;
export type QuickProp = [string, Params, string, ...unknown[]];

interface PropSpec {
  defaultType: string;
  multiValue?: string;
  structuredValue?: string;
  detectType?: unknown;
}
interface Design {
  propertyGroups?: boolean;
  property: Record<string, PropSpec>;
  param: Record<string, { multiValue?: string; multiValueSeparateDQuote?: boolean }>;
}
/** The design sets' tables as Maps: looked up once per line and per parameter. */
function tables(set: 'vcard' | 'vcard3') {
  const d = ICAL.design.getDesignSet(set) as unknown as Design;
  return {
    groups: d.propertyGroups === true,
    property: new Map(Object.entries(d.property)),
    param: new Map(Object.entries(d.param)),
  };
}
const DESIGNS = { vcard3: tables('vcard3'), vcard: tables('vcard') };
/** Value types whose reading leaves a value without backslashes as it is. */
const AS_IS = new Set(['text', 'uri', 'unknown', 'language-tag']);

/** Names and keys as written → lower case: a file writes the same few thousands of times. */
const lower = new Map<string, string>();
function lowerName(s: string): string {
  let l = lower.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lower.size < 500) lower.set(s, l);
  }
  return l;
}

/** A-Z, a-z, 0-9 and '-': the characters of names (and of parameter keys). */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

/** The jCard property ical.js makes of `line` under `design`, or null when the line is not of the simple kind. */
export function quickProperty(line: string, design: 'vcard' | 'vcard3'): QuickProp | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || line.indexOf('\\') !== -1) return null;
  const d = DESIGNS[design];
  // [group.]name, up to ';' or ':'
  let i = 0;
  let dot = -1;
  for (; i < colon; i++) {
    const c = line.charCodeAt(i);
    if (c === 59) break; // ;
    if (c === 46) {
      if (dot !== -1 || i === 0) return null;
      dot = i;
    } else if (!isNameChar(c)) return null;
  }
  if (i === dot + 1) return null;
  const name = lowerName(line.slice(dot + 1, i));
  const params: Params = {};
  let valueType: string | undefined;
  // ;key=value pairs: names of name characters, values without " ; : ^ (a comma only where the key takes lists)
  while (i < colon) {
    const start = ++i;
    while (i < colon && isNameChar(line.charCodeAt(i))) i++;
    if (i === start || line.charCodeAt(i) !== 61) return null; // =
    const key = lowerName(line.slice(start, i));
    const from = ++i;
    let comma = false;
    for (; i < colon; i++) {
      const c = line.charCodeAt(i);
      if (c === 59) break;
      if (c === 34 || c === 94) return null; // " ^
      if (c === 44) comma = true;
    }
    const value = line.slice(from, i);
    if (key === 'value') {
      if (valueType !== undefined) return null;
      valueType = value.toLowerCase();
      continue;
    }
    if (key in params || key === 'group') return null; // repeated parameters are merged by ical.js's own rules
    const spec = d.param.get(key);
    if (spec?.multiValueSeparateDQuote) return null;
    if (comma) {
      if (spec?.multiValue !== ',') return null;
      params[key] = value.split(',');
    } else params[key] = value;
  }
  if (dot !== -1) {
    if (!d.groups) return null;
    params.group = line.slice(0, dot).toLowerCase();
  }
  const prop = d.property.get(name);
  if (prop?.detectType) return null;
  const type = valueType ?? prop?.defaultType ?? 'unknown';
  if (!AS_IS.has(type)) return null;
  const value = line.slice(colon + 1);
  if (prop?.structuredValue) {
    if (value.indexOf(prop.structuredValue) === -1) return prop.multiValue && value.indexOf(prop.multiValue) !== -1 ? null : [name, params, type, value];
    const mv = prop.multiValue;
    return [name, params, type, value.split(prop.structuredValue).map((p) => (mv && p.indexOf(mv) !== -1 ? p.split(mv) : p))];
  }
  if (prop?.multiValue && value.indexOf(prop.multiValue) !== -1) return null;
  return [name, params, type, value];
}
