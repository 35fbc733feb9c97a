/** The paste review's form: from a proposal, and back to ContactInput for contact.saveProposal. */
import type { ImportItem, PROPOSAL_FIELDS } from '../../../../contract/model';

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

/** The form as ContactInput; `institutionId` is the chosen institution, or the parent of the units to create. */
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
    languages: f.languages.split(',').map((l) => l.trim()).filter(Boolean),
    notes: f.notes,
    internal: f.internal,
    source: f.source,
    informationDated: f.informationDated.trim() || null,
  };
}
