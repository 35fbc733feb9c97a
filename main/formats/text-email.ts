/**
 * E-mail addresses as web pages disguise them: "Perrin [at] ilo.org", "a.weiss(at)bmas.bund.de",
 * "j.doe AT oecd DOT org", "jan{at}minszw[dot]nl", "name at domain dot org". Ordinary words "at" in prose
 * are left alone: the spoken form ("x at y dot z") is only read on a line labelled as an e-mail or that holds
 * nothing else.
 */

const PART = '[\\p{L}\\p{N}_%+~-]+';
const BR_OPEN = '[\\[({<]';
const BR_CLOSE = '[\\])}>]';
const AT_STRONG = [
  `\\s*${BR_OPEN}\\s*(?:at|ät|@|arobase|apenstaartje|à)\\s*${BR_CLOSE}\\s*`,
  '\\s*@\\s*',
  '\\s+AT\\s+',
  '\\s*[_-]at[_-]\\s*',
].join('|');
const AT_WEAK = '\\s+(?:at|ät)\\s+';
const DOT_STRONG = [`\\s*${BR_OPEN}\\s*(?:dot|punkt|punt|point|\\.)\\s*${BR_CLOSE}\\s*`, '\\s+DOT\\s+', '\\.'].join('|');
const DOT_WEAK = '\\s+(?:dot|punkt|punt|point)\\s+';

function candidateRe(at: string, dot: string): RegExp {
  const local = `${PART}(?:(?:${dot})${PART})*`;
  const domain = `${PART}(?:(?:${dot})${PART})+`;
  return new RegExp(`(?<![\\p{L}\\p{N}._%+-])(${local})(?:${at})(${domain})`, 'gu');
}
const STRONG_RE = candidateRe(AT_STRONG, `${DOT_STRONG}|${DOT_WEAK}`);
const WEAK_RE = candidateRe(AT_WEAK, `${DOT_STRONG}|${DOT_WEAK}`);
const DOT_SPLIT = new RegExp(`${DOT_STRONG}|${DOT_WEAK}`, 'u');

/** Rebuilds the address from its disguised parts; null if the last part is not a plausible top-level domain. */
function assemble(local: string, domain: string): string | null {
  const localParts = local.split(DOT_SPLIT).filter(Boolean);
  const domainParts = domain.split(DOT_SPLIT).filter(Boolean);
  const tld = domainParts[domainParts.length - 1] ?? '';
  if (domainParts.length < 2 || !/^\p{L}{2,24}$/u.test(tld)) return null;
  return `${localParts.join('.')}@${domainParts.join('.').toLowerCase()}`;
}

function collect(text: string, re: RegExp, out: string[], whole = false): void {
  for (const m of text.matchAll(re)) {
    if (whole && text.slice(0, m.index).trim() + text.slice(m.index + m[0].length).replace(/[.,;]$/, '').trim() !== '') continue;
    const email = assemble(m[1]!, m[2]!);
    if (email && !out.some((e) => e.toLowerCase() === email.toLowerCase())) out.push(email);
  }
}

/**
 * The e-mail addresses in one line (or a labelled value), de-obfuscated. `labelled` allows the lower-case
 * "name at domain dot org" form anywhere in the text; otherwise it is read only when it is all the text holds.
 */
export function findEmails(text: string, labelled: boolean): string[] {
  const clean = text.replace(/\bmailto:/gi, '');
  const out: string[] = [];
  collect(clean, STRONG_RE, out);
  if (out.length === 0) collect(clean, WEAK_RE, out, !labelled);
  return out;
}
