/**
 * The country of a phone number written without a country code ("030 18527-0", "022 799 61 11"), in the order a
 * desk officer would reason (issue 17): the contact's own postal address, then the seat of its institution, then the
 * country-code domain of its e-mail or website, then the user's region setting. The preview says which one was used.
 */
import type { Address, PhoneRegion } from '../../contract/model';
import { phoneUtil, readPhone, regionOfDomain } from './phone';
import { simplify } from './text-lines';

let names: Map<string, string> | null = null;

/** Country names in the languages of our users and their partners (and ISO codes, and a few usual short forms) → region. */
function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const regions = phoneUtil().getSupportedRegions() as string[];
  for (const lang of ['en', 'de', 'fr', 'nl', 'es', 'it', 'pt']) {
    const display = new Intl.DisplayNames([lang], { type: 'region' });
    for (const r of regions) {
      const name = display.of(r);
      if (name && name !== r) names.set(simplify(name), r);
    }
  }
  for (const r of regions) names.set(r.toLowerCase(), r);
  const extra: Record<string, string> = {
    usa: 'US', 'u s a': 'US', 'united states of america': 'US', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', holland: 'NL',
    'the netherlands': 'NL', 'schweizerische eidgenossenschaft': 'CH', 'bundesrepublik deutschland': 'DE', brd: 'DE', 'republique francaise': 'FR',
    'korea south': 'KR', 'russian federation': 'RU', 'czech republic': 'CZ', 'cote d ivoire': 'CI', turkiye: 'TR',
  };
  for (const [k, v] of Object.entries(extra)) names.set(k, v);
  return names;
}

// Seats of the institutions desk officers deal with, when the seat names a city and not its country.
const CITIES: Record<string, string> = {
  geneva: 'CH', geneve: 'CH', genf: 'CH', ginevra: 'CH', bern: 'CH', berne: 'CH', zurich: 'CH', basel: 'CH', lausanne: 'CH',
  berlin: 'DE', bonn: 'DE', frankfurt: 'DE', 'frankfurt am main': 'DE', munich: 'DE', munchen: 'DE', hamburg: 'DE', nuremberg: 'DE', nurnberg: 'DE',
  paris: 'FR', strasbourg: 'FR', lyon: 'FR', brussels: 'BE', bruxelles: 'BE', brussel: 'BE', 'the hague': 'NL', 'den haag': 'NL', 's gravenhage': 'NL',
  amsterdam: 'NL', rotterdam: 'NL', utrecht: 'NL', luxembourg: 'LU', vienna: 'AT', wien: 'AT', rome: 'IT', roma: 'IT', turin: 'IT', torino: 'IT',
  madrid: 'ES', lisbon: 'PT', lisboa: 'PT', london: 'GB', dublin: 'IE', copenhagen: 'DK', stockholm: 'SE', oslo: 'NO', helsinki: 'FI',
  warsaw: 'PL', warszawa: 'PL', prague: 'CZ', praha: 'CZ', budapest: 'HU', athens: 'GR', washington: 'US', 'washington dc': 'US', 'new york': 'US',
  ottawa: 'CA', montreal: 'CA', tokyo: 'JP', beijing: 'CN', 'new delhi': 'IN', delhi: 'IN', canberra: 'AU', nairobi: 'KE', 'addis ababa': 'ET',
  ankara: 'TR', moscow: 'RU', kyiv: 'UA', manila: 'PH', bangkok: 'TH', santiago: 'CL', lima: 'PE', 'buenos aires': 'AR', brasilia: 'BR',
};

/** The region a country name, ISO code or city names ("Deutschland", "CH", "Genève", "Geneva, Switzerland"), or null. */
export function regionOfPlace(place: string): string | null {
  const all = countryNames();
  // "Geneva, Switzerland", "CH-1211 Genève 22": try the whole text, then each part from the last (the country) back.
  const parts = place.split(/[,;/\n]+/).map((p) => simplify(p).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const p of [simplify(place).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim(), ...parts.reverse()]) {
    const r = all.get(p) ?? CITIES[p];
    if (r) return r;
  }
  // A postcode with a country prefix: "CH-1211", "D-10117", "NL-2595".
  const prefixed = place.match(/\b([A-Z]{1,2})-\d{4,5}\b/);
  if (prefixed) return ({ D: 'DE', F: 'FR', A: 'AT', I: 'IT', B: 'BE', L: 'LU' } as Record<string, string>)[prefixed[1]!] ?? all.get(prefixed[1]!.toLowerCase()) ?? null;
  return null;
}

/** The region of a postal address: its country, else the place it names, else what a one-line address ends with ("…, 1211 Genève 22, Suisse"). */
export const regionOfAddress = (a: Address): string | null =>
  (a.country ? regionOfPlace(a.country) : null) ?? (a.locality ? regionOfPlace(a.locality) : null) ?? (a.street.includes(',') || a.street.includes('\n') ? regionOfPlace(a.street) : null);

const isNational = (written: string) => !/^\s*(\+|00)/.test(written);

/** What the region lookup needs of a contact. */
export interface PhoneOwner {
  phones: { value: string; e164: string | null }[];
  emails: { value: string }[];
  website: string;
  addresses: Address[];
}

/** The region for the contact's national numbers and where it came from, in the order of issue 17; null if none is known. */
export function phoneRegionOf(c: PhoneOwner, seat: string | null, setting: string | null): PhoneRegion | null {
  for (const a of c.addresses) {
    const r = regionOfAddress(a);
    if (r) return { region: r, from: 'address' };
  }
  const seatRegion = seat ? regionOfPlace(seat) : null;
  if (seatRegion) return { region: seatRegion, from: 'seat' };
  const domains = [...c.emails.map((e) => e.value.split('@')[1] ?? ''), c.website.replace(/^[a-z]+:\/\//i, '').split('/')[0]!];
  const byDomain = domains.map((d) => (d ? regionOfDomain(d) : null)).find((r) => r !== null);
  if (byDomain) return { region: byDomain, from: 'email' };
  return setting ? { region: setting.toUpperCase(), from: 'setting' } : null;
}

/**
 * Fills in the E.164 form of numbers the file gave none for. Returns the region national numbers were read in, or
 * null if the contact has no national number (or no region is known).
 */
export function resolvePhones(c: PhoneOwner, seat: string | null, setting: string | null): PhoneRegion | null {
  const hasNational = c.phones.some((p) => isNational(p.value));
  const region = hasNational ? phoneRegionOf(c, seat, setting) : null;
  for (const p of c.phones) if (p.e164 === null) p.e164 = readPhone(p.value, isNational(p.value) ? (region?.region ?? null) : null).e164;
  return region;
}

/**
 * Once the institution is matched, its seat may outrank the e-mail domain or the setting a reader used: national
 * numbers read in the old region (or not at all) are read again in the new one. Numbers the file gave in E.164 stay.
 */
export function reresolvePhones(c: PhoneOwner, old: PhoneRegion | null, seat: string | null, setting: string | null): PhoneRegion | null {
  if (!c.phones.some((p) => isNational(p.value))) return old;
  const now = phoneRegionOf(c, seat, setting);
  if (!now) return old;
  // Same country from a better source: the numbers stand, the preview names the better source.
  if (old && old.region === now.region) return now;
  for (const p of c.phones) {
    if (!isNational(p.value)) continue;
    if (p.e164 === null || (old && p.e164 === readPhone(p.value, old.region).e164)) p.e164 = readPhone(p.value, now.region).e164;
  }
  return now;
}
