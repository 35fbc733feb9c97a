/**
 * The team sync as the window sees it: the status, asked every few seconds (sync itself runs in the main process,
 * never here), and a nudge to the open screens when others' changes have arrived.
 */
import type { TeamStatus } from '../../../contract/model/team';
import { call, notifyRemoteChange } from './client';

export const team = $state<{ status: TeamStatus | null }>({ status: null });
let lastReceived = -1;
let timer: ReturnType<typeof setInterval> | null = null;

export async function refreshTeam(): Promise<void> {
  try {
    const s = await call('team.status', {});
    if (lastReceived >= 0 && s.received > lastReceived) notifyRemoteChange();
    lastReceived = s.received;
    team.status = s;
  } catch {
    /* the next poll tries again */
  }
}

export function watchTeam(everyMs = 1500): () => void {
  void refreshTeam();
  timer ??= setInterval(() => void refreshTeam(), everyMs);
  return () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
}
