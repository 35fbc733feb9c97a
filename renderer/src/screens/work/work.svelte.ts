/**
 * “My work” for the person I act as, kept fresh after every write: the screen's lists and the sidebar's count
 * (things waiting for me; overdue ones make it red).
 */
import type { WorkList } from '../../../../contract/model';
import { call, onWrite } from '../../lib/client';

const EMPTY: WorkList = { me: null, toWrite: [], toReview: [], toClear: [], waiting: [] };

export const work = $state<{ list: WorkList; due: number; overdue: number; error: string | null; loaded: boolean }>({ list: EMPTY, due: 0, overdue: 0, error: null, loaded: false });

export async function loadWork(): Promise<void> {
  try {
    const list = await call('work.list', {});
    const mine = list.toWrite.filter((c) => c.state !== 'submitted');
    work.list = list;
    work.due = mine.length + list.toReview.length + list.toClear.length;
    work.overdue = mine.filter((c) => c.overdue).length + list.toClear.filter((c) => c.overdue).length;
    work.error = null;
    work.loaded = true;
  } catch (e) {
    work.error = (e as Error).message;
  }
}

// Typing in a briefing writes every second; one reload after a burst of writes is enough.
let timer: ReturnType<typeof setTimeout> | undefined;
const later = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void loadWork(), 400);
};
onWrite(later);
// Work can arrive from elsewhere (the CLI, a colleague's change in a team dossier): look again on every move.
window.addEventListener('hashchange', later);
window.addEventListener('focus', later);
void loadWork();
