/**
 * A contact as its forms hold it (the contact form, the paste review): phones and e-mails as editable rows,
 * languages as "en, fr", the information date as text; and back to ContactInput.
 */
import { splitLanguageList } from '../../../../contract/language';
import type { Address, Contact, ContactProposal, ImportItem, OtherDetail, Photo, PROPOSAL_FIELDS } from '../../../../contract/model';

export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export interface ContactFormFields {
  honorific: string;
  givenName: string;
  familyName: string;
  position: string;
  phones: { label: string; value: string; e164: string | null }[];
  emails: { label: string; value: string }[];
  website: string;
  languages: string;
  informationDated: string;
  notes: string;
  source: string;
  internal: boolean;
  /** Issue 17: postal addresses, the photo (null: none), other details. */
  addresses: Address[];
  photo: Photo | null;
  otherDetails: OtherDetail[];
}

/** The paste review: the fields, and where the contact goes. */
export interface ReviewForm extends ContactFormFields {
  /** 'existing': institutionId (or none); 'new': create newNames (outermost first) under newParent. */
  institutionMode: 'existing' | 'new';
  institutionId: number | null;
  newNames: string[];
  newParent: number | null;
}

/** A stored contact or a proposal as form fields (copies of its lists, so editing the form never changes it). */
export function fieldsOf(c: Contact | ContactProposal): ContactFormFields {
  return {
    honorific: c.honorific,
    givenName: c.givenName,
    familyName: c.familyName,
    position: c.position,
    phones: c.phones.map((x) => ({ ...x })),
    emails: c.emails.map((x) => ({ label: x.label, value: x.value })),
    website: c.website,
    languages: c.languages.join(', '),
    informationDated: c.informationDated ?? '',
    notes: c.notes,
    source: c.source,
    internal: c.internal,
    addresses: c.addresses.map((a) => ({ ...a })),
    photo: c.photo,
    otherDetails: c.otherDetails.map((d) => ({ ...d })),
  };
}

export function formOf({ proposal, institution: m }: ImportItem): ReviewForm {
  return {
    ...fieldsOf(proposal),
    institutionMode: m.create.length ? 'new' : 'existing',
    institutionId: m.institutionId,
    newNames: m.create.length ? [...m.create] : [''],
    newParent: m.institutionId,
  };
}

/** The form as ContactInput; `institutionId` is the chosen institution, or the parent of the units to create. */
export function inputOf(f: ContactFormFields, institutionId: number | null) {
  return {
    honorific: f.honorific,
    givenName: f.givenName,
    familyName: f.familyName,
    position: f.position,
    institutionId,
    phones: f.phones.filter((p) => p.value.trim()).map((p) => ({ ...p, e164: p.e164?.trim() || null })),
    emails: f.emails.filter((e) => e.value.trim()),
    website: f.website,
    languages: splitLanguageList(f.languages),
    notes: f.notes,
    internal: f.internal,
    source: f.source,
    informationDated: f.informationDated.trim() || null,
    addresses: f.addresses.filter((a) => [a.street, a.locality, a.postalCode, a.country, a.poBox, a.extended, a.region].some((x) => x.trim())),
    photo: f.photo,
    otherDetails: f.otherDetails.filter((d) => d.name.trim() && d.value.trim()),
  };
}
