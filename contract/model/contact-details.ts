/**
 * What a contact carries beyond names, posts, phones and e-mails (issue 17): postal addresses, a photo, and the
 * "other details" of an address book that Dossier does not model (birthday, nickname, IM, X- properties, custom
 * columns), kept with their name so that nothing of an import is lost and a vCard export writes them back.
 * Also the shapes an import preview uses to say what happens to every field and which records cannot be imported.
 */
import { z } from 'zod';
import { text } from './common';

/** A postal address in vCard's ADR components. `label` is 'work', 'home', '' or the file's own label ("Geneva office"). */
export const Address = z.object({
  label: text(60).default(''),
  poBox: text(100).default(''),
  /** Extended address: building, floor, room ("Bureau 4-112"). */
  extended: text(300).default(''),
  /** Street and number; several lines joined by "\n". */
  street: text(500).default(''),
  locality: text(200).default(''),
  region: text(200).default(''),
  postalCode: text(40).default(''),
  country: text(200).default(''),
});
export type Address = z.infer<typeof Address>;
export const ADDRESS_PARTS = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country'] as const;
export const isEmptyAddress = (a: Address): boolean => ADDRESS_PARTS.every((k) => a[k] === '');

/** Most bytes of a stored photo (as base64 text): real address-book photos are a few kilobytes to a few hundred. */
export const PHOTO_MAX_BASE64 = 4_000_000;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
/** A contact's photo: the image bytes as base64 and their media type. */
export const Photo = z.object({
  mediaType: z.enum(PHOTO_TYPES),
  dataBase64: z.string().max(PHOTO_MAX_BASE64, 'The photo is larger than 3 MB.').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The photo is not base64 data.'),
});
export type Photo = z.infer<typeof Photo>;

/**
 * One value Dossier does not model, kept as written. `name` is what the user sees ("Birthday", "Spouse", the CSV
 * header); `property` is the vCard property with its parameters to write it back as ("BDAY", "IMPP;X-SERVICE-TYPE=Skype"),
 * or '' when it came from a column with no vCard equivalent (written as X-DOSSIER-DETAIL).
 */
export const OtherDetail = z.object({
  name: text(200).min(1, 'A detail needs a name.'),
  value: z.string().max(20_000),
  property: text(500).default(''),
});
export type OtherDetail = z.infer<typeof OtherDetail>;

/** Where the country for numbers written without a country code came from, in the order they are tried. */
export const PHONE_REGION_SOURCES = ['address', 'seat', 'email', 'setting'] as const;
export const PhoneRegion = z.object({ region: z.string(), from: z.enum(PHONE_REGION_SOURCES) });
export type PhoneRegion = z.infer<typeof PhoneRegion>;

/**
 * What an import does with one field of the file (a vCard property, a CSV column), counted over the whole file:
 * values stored in Dossier's own fields, kept as other details, or dropped (only ever because the user chose so).
 */
export const FieldTally = z.object({
  /** The property name (TEL, X-ABUID) or the column header, as the file writes it. */
  key: z.string(),
  stored: z.number().int(),
  other: z.number().int(),
  dropped: z.number().int(),
});
export type FieldTally = z.infer<typeof FieldTally>;

/** A record of a file that cannot be imported, with where it starts and why. */
export const RejectedRecord = z.object({ line: z.number().int().positive(), reason: z.string() });
export type RejectedRecord = z.infer<typeof RejectedRecord>;
