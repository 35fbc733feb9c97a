/**
 * One IPC channel for the whole contract; every message's sender is checked here, in the main process, before it is
 * relayed to the operations process (config.ts answerIpc). Long work sends its progress back on PROGRESS_CHANNEL under
 * the call id the page chose, and the page cancels it on CANCEL_CHANNEL with the same id.
 */
import { ipcMain } from 'electron';
import { CANCEL_CHANNEL, IPC_CHANNEL, PROGRESS_CHANNEL, answerIpc, isTrustedSender } from './config';
import type { OpsRunner } from './ops-client';

export function registerIpc(runner: OpsRunner): void {
  const cancels = new Map<string, AbortController>();
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown, callId: unknown) =>
    answerIpc(event.senderFrame, name, input, async (n, i) => {
      if (typeof callId !== 'string' || callId.length > 100) return runner.call(n, i);
      const controller = new AbortController();
      cancels.set(callId, controller);
      try {
        return await runner.call(n, i, {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, callId, progress);
          },
        });
      } finally {
        cancels.delete(callId);
      }
    }),
  );
  ipcMain.on(CANCEL_CHANNEL, (event, callId: unknown) => {
    if (isTrustedSender(event.senderFrame) && typeof callId === 'string') cancels.get(callId)?.abort();
  });
}
