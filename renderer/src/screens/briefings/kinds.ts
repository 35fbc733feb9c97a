/** Names of section kinds for people (the codes are the contract's). */
import type { Section } from '../../../../contract/model';

export const KIND_LABELS: Record<Section['kind'], string> = {
  markdown: 'Text',
  key_messages: 'Key messages',
  qa: 'Q&A',
  agenda_briefs: 'Agenda briefs',
  programme: 'Programme (generated)',
  whos_who: 'Who’s who (generated)',
  institution_profiles: 'Institution profiles (generated)',
  history: 'History and actions (generated)',
  since_last_time: 'Since last time (generated)',
  open_actions: 'Open actions (generated)',
  contact_sheet: 'Contact sheet (generated)',
};
