/**
 * What the generated sections show, read live from the store: `briefing.preview` (the pack's own mapping, so the
 * editor shows what the PDF will print), plus the meeting's agenda for the briefs per agenda item.
 */
import type { AgendaItem, GeneratedSection } from '../../../../contract/model';
import { call } from '../../lib/client';

export interface GeneratedData {
  agenda: AgendaItem[];
  /** Section id → what it shows. */
  sections: Map<number, GeneratedSection>;
}

export async function loadGenerated(briefingId: number, meetingId: number): Promise<GeneratedData> {
  const [meeting, preview] = await Promise.all([call('meeting.get', { id: meetingId }), call('briefing.preview', { id: briefingId })]);
  return { agenda: meeting.agenda, sections: new Map(preview.map((p) => [p.sectionId, p.data])) };
}
