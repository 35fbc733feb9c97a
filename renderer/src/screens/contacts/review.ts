/** The paste review's form: from a proposal, to ContactInput, and merged into a stored contact on "update". */
import { splitLanguageList } from '../../../../contract/language';
import type { Contact, ImportItem, PROPOSAL_FIELDS } from '../../../../contract/model';

export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export interface ReviewForm {
  honorific: string;
  givenName: string;
  familyName: string;
  position: string;
  /** 'existing': institutionId (or none); 'new': create newNames (outermost first) under newParent. */
  institutionMode: 'existing' | 'new';
  institutionId: number | null;
  newNames: string[];
  newParent: number | null;
  phones: { label: string; value: string; e164: string | null }[];
  emails: { label: string; value: string }[];
  website: string;
  languages: string;
  informationDated: string;
  notes: string;
  source: string;
  internal: boolean;
}

export function formOf({ proposal: p, institution: m }: ImportItem): ReviewForm {
  return {
    honorific: p.honorific,
    givenName: p.givenName,
    familyName: p.familyName,
    position: p.position,
    institutionMode: m.create.length ? 'new' : 'existing',
    institutionId: m.institutionId,
    newNames: m.create.length ? [...m.create] : [''],
    newParent: m.institutionId,
    phones: p.phones.map((x) => ({ ...x })),
    emails: p.emails.map((x) => ({ ...x })),
    website: p.website,
    languages: p.languages.join(', '),
    informationDated: p.informationDated ?? '',
    notes: p.notes,
    source: p.source,
    internal: p.internal,
  };
}

/** The form as contact.create input (institution set by the caller once any new unit exists). */
export function inputOf(f: ReviewForm, institutionId: number | null) {
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
  };
}
export type ReviewInput = ReturnType<typeof inputOf>;

const digits = (s: string) => s.replace(/\D/g, '');
/**
 * "Update the stored contact": what the user reviewed wins, an empty field keeps the stored value, phones, e-mails and
 * languages are merged, notes appended, and the later of the two information dates kept.
 */
export function mergeInto(s: Contact, f: ReviewInput): ReviewInput {
  const or = (a: string, b: string) => a || b;
  return {
    honorific: or(f.honorific, s.honorific),
    givenName: or(f.givenName, s.givenName),
    familyName: or(f.familyName, s.familyName),
    position: or(f.position, s.position),
    institutionId: f.institutionId ?? s.institutionId,
    phones: [...f.phones, ...s.phones.filter((p) => !f.phones.some((x) => digits(x.value) === digits(p.value)))].slice(0, 20),
    emails: [...f.emails, ...s.emails.filter((e) => !f.emails.some((x) => x.value.toLowerCase() === e.value.toLowerCase()))].slice(0, 20),
    website: or(f.website, s.website),
    languages: [...new Set([...f.languages, ...s.languages])].slice(0, 20),
    notes: !f.notes || s.notes.includes(f.notes) ? s.notes : s.notes ? `${s.notes}\n\n${f.notes}` : f.notes,
    internal: s.internal || f.internal,
    source: or(f.source, s.source),
    informationDated: [f.informationDated, s.informationDated].filter((d): d is string => d !== null).sort().pop() ?? null,
  };
}
