/**
 * E-mail addresses and the links built from stored values. An address is validated on every path in (the contract's
 * `Email` schema), and a link is never the stored text glued behind a scheme: it is rebuilt from the parsed value, with
 * only https/http, mailto and tel allowed, so "perrin@ilo.org?attach=/etc/passwd" or "javascript:…" never becomes a
 * link in the app or in the PDF.
 */

const LOCAL = /^[\p{L}\p{N}!#$&'*+=^_`{|}~-]+(?:\.[\p{L}\p{N}!#$&'*+=^_`{|}~-]+)*$/u;
const LABEL = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
/**
 * The same three for an address in ASCII (nearly all of them), where \p{L} is A–Z and a–z and \p{N} is 0–9: V8 compiles
 * the Unicode classes above on first use, some 10 ms of a fresh process's first pack with its contact sheet (issue 18).
 */
const ASCII = /^[\x00-\x7f]*$/;
const LOCAL_ASCII = /^[A-Za-z0-9!#$&'*+=^_`{|}~-]+(?:\.[A-Za-z0-9!#$&'*+=^_`{|}~-]+)*$/;
const LABEL_ASCII = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)$/;
const TLD_ASCII = /^(?:[A-Za-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/**
 * The address as Dossier stores it, or null if it is not one: a single `local@domain` (no display name, no spaces,
 * no `?query` or `#fragment`, no quoted local part), a leading "mailto:" and surrounding <…> taken off, the domain in
 * lower case. Local parts keep what real address books hold (letters of any script, digits, dots and `!#$&'*+=^_{|}~-`).
 */
export function normaliseEmail(value: string): string | null {
  let v = value.normalize('NFC').trim();
  if (/^mailto:/i.test(v)) v = v.slice(7);
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1);
  if (v.length > 254) return null;
  const at = v.lastIndexOf('@');
  if (at < 1) return null;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1).toLowerCase().replace(/\.$/, '');
  const ascii = ASCII.test(v);
  const [localRe, labelRe, tldRe] = ascii ? [LOCAL_ASCII, LABEL_ASCII, TLD_ASCII] : [LOCAL, LABEL, TLD];
  if (local.length > 64 || !localRe.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253 || !labels.every((l) => labelRe.test(l)) || !tldRe.test(labels[labels.length - 1]!)) return null;
  return `${local}@${domain}`;
}

export const isEmail = (value: string): boolean => normaliseEmail(value) !== null;

/** `mailto:` for one address, rebuilt from its parts (each percent-encoded), or null: nothing after it can smuggle a query. */
export function mailtoHref(email: string): string | null {
  const e = normaliseEmail(email);
  if (!e) return null;
  const at = e.lastIndexOf('@');
  return `mailto:${encodeURIComponent(e.slice(0, at))}@${encodeURIComponent(e.slice(at + 1))}`;
}

/** A website as a link: http(s) only, a bare "www.ilo.org" taken as https; anything else (javascript:, file:, smb:…) null. */
export function websiteHref(website: string): string | null {
  const v = website.trim();
  if (!v || /\s/.test(v)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || url.username || url.password) return null;
  return url.href;
}

/** `tel:` with the number's digits (and a leading +) only, or null when there are too few digits to dial. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : null;
}

/**
 * A link written in a briefing's Markdown, as the pack and the preview may follow it: http(s) rebuilt through URL, a
 * mailto: rebuilt from its single address (queries dropped), an in-page #anchor kept; anything else null (shown as text).
 */
export function safeLink(href: string): string | null {
  const v = href.trim();
  if (v.startsWith('#')) return /^#[\w-]*$/.test(v) ? v : null;
  if (/^mailto:/i.test(v)) return mailtoHref(decodeSafely(v.slice(7).split(/[?#]/)[0]!));
  if (/^https?:/i.test(v)) return websiteHref(v);
  return null;
}

const decodeSafely = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
