/** How a contact's addresses and other details are shown: address lines in the usual order, a detail's name in the user's language. */
import type { Address, OtherDetail } from '../../../../contract/model';

/** The address as the lines of an envelope: extended part, street, PO box, "postcode locality", region, country. */
export function addressLines(a: Address): string[] {
  return [a.extended, ...a.street.split('\n'), a.poBox, [a.postalCode, a.locality].filter(Boolean).join(' '), a.region, a.country].filter((l) => l.trim() !== '');
}

// vCard properties whose usual names the interface translates (the reader names them in English).
const KNOWN: Record<string, string> = { BDAY: 'birthday', ANNIVERSARY: 'anniversary', NICKNAME: 'nickname', IMPP: 'im', CATEGORIES: 'categories', ROLE: 'role', URL: 'website', GENDER: 'gender' };
const ENGLISH: Record<string, string> = { birthday: 'Birthday', anniversary: 'Anniversary', nickname: 'Nickname', im: 'Instant messaging', categories: 'Categories', role: 'Role', website: 'Website', gender: 'Gender' };

/** The name to show: the translation of a well-known property under its usual name, else the name as the file gave it. */
export function detailName(d: OtherDetail, t: (key: string) => string): string {
  const known = KNOWN[d.property.split(';')[0]!.toUpperCase()];
  if (d.name === 'Name suffix' && d.property === '') return t('contacts.detailNames.suffix');
  return known && ENGLISH[known] === d.name ? t(`contacts.detailNames.${known}`) : d.name;
}
