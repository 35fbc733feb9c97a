/**
 * Phone numbers: kept as written, plus the E.164 form where the country can be told, by google-libphonenumber
 * (country rules change too often for hand-written ones).
 */
import lib from 'google-libphonenumber';
import type { Phone } from '../../contract/model';

// Made on first use: loading libphonenumber costs more than a whole `dossier list`, which never reads a number.
let instance: lib.PhoneNumberUtil | undefined;
export const phoneUtil = () => (instance ??= lib.PhoneNumberUtil.getInstance());

/** What reading one number gave: the E.164 form (null if unknown) and, if so, why. */
export interface PhoneReading {
  e164: string | null;
  problem: string | null;
}

/**
 * Normalises one written number. Numbers starting with + or 00 carry their country; others need `region`
 * (ISO 3166 alpha-2, e.g. 'CH'). An extension ("ext. 12", "Durchwahl -12") stays in the written form only.
 */
export function readPhone(written: string, region: string | null = null): PhoneReading {
  const digits = written.replace(/\D/g, '');
  if (digits.length < 5) return { e164: null, problem: `"${written}" is too short to be a phone number.` };
  const international = /^\s*(\+|00)/.test(written);
  if (!international && !region) return { e164: null, problem: `"${written}" has no country code; set the country to normalise it.` };
  try {
    const util = phoneUtil();
    const n = util.parse(written, international ? 'ZZ' : region!.toUpperCase());
    if (util.isValidNumber(n)) return { e164: util.format(n, lib.PhoneNumberFormat.E164), problem: null };
    return { e164: null, problem: `"${written}" is not a valid number${international ? '' : ` in ${region}`}.` };
  } catch {
    return { e164: null, problem: `"${written}" cannot be read as a phone number.` };
  }
}

/** A Phone record for the contract: the written value, its label and the E.164 form where known. */
export function toPhone(written: string, label: string, region: string | null = null): Phone & { problem: string | null } {
  const { e164, problem } = readPhone(written, region);
  return { label, value: written.trim(), e164, problem };
}

// A run of digits with the separators people write: "+41 22 799 61 11", "+41 (0)22 7996111", "030 18527-0", "(020) 555 1234".
const NUMBER_RE = /(?:\+|00)?\(?\d[\d\s()./–-]{4,}\d(?:\s*(?:ext\.?|x|Durchwahl|poste|toestel)\s*\d{1,6})?/giu;

/** The phone-number-looking runs in a piece of text (a labelled value or a bare line), as written. */
export function findPhoneNumbers(text: string): string[] {
  return [...text.matchAll(NUMBER_RE)].map((m) => m[0].trim()).filter((s) => s.replace(/\D/g, '').length >= 6);
}

let regions: Set<string> | null = null;
const supported = () => (regions ??= new Set(phoneUtil().getSupportedRegions() as string[]));

/** The region a country-code top-level domain implies ('bmas.de' → 'DE'), for numbers written without +. */
export function regionOfDomain(domain: string): string | null {
  const tld = domain.toLowerCase().split('.').pop() ?? '';
  if (tld === 'uk') return 'GB';
  if (!/^[a-z]{2}$/.test(tld) || ['eu', 'io', 'tv', 'me', 'co', 'ai'].includes(tld)) return null;
  const region = tld.toUpperCase();
  return supported().has(region) ? region : null;
}
