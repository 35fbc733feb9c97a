/** One IPC channel for the whole contract; every message's sender is checked before it reaches the ops. */
import { ipcMain } from 'electron';
import type { OpsContext } from '../ops/context';
import { call } from '../ops/index';
import { IPC_CHANNEL, isTrustedSender } from './config';

export function registerIpc(ctx: OpsContext): void {
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from Dossier’s own window.' } };
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'Operation name missing.', field: 'op' } };
    return call(ctx, name, input);
  });
}
