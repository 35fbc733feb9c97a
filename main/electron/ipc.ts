/** One IPC channel for the whole contract; every message's sender is checked before it reaches the ops (config.ts answerIpc). */
import { ipcMain } from 'electron';
import type { OpsContext } from '../ops/context';
import { call } from '../ops/index';
import { IPC_CHANNEL, answerIpc } from './config';

export function registerIpc(ctx: OpsContext): void {
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => answerIpc(event.senderFrame, name, input, (n, i) => call(ctx, n, i)));
}
