/**
 * The only bridge between the page and the main process: `call(op, input)` over one IPC channel, the progress of long
 * calls (under an id the page chooses) and their cancelling, and menu commands coming the other way. Nothing else of
 * Node or Electron reaches the renderer. The channel names repeat config.ts's: a sandboxed preload imports nothing.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Reply } from '../../contract/errors';

const IPC_CHANNEL = 'dossier:call';
const MENU_CHANNEL = 'dossier:menu';
const PROGRESS_CHANNEL = 'dossier:progress';
const CANCEL_CHANNEL = 'dossier:cancel';

interface Progress {
  done: number;
  total: number;
  label: string;
}

const bridge = {
  call: (name: string, input: unknown, callId?: string): Promise<Reply<unknown>> => ipcRenderer.invoke(IPC_CHANNEL, name, input, callId),
  onProgress: (fn: (callId: string, progress: Progress) => void): void => {
    ipcRenderer.on(PROGRESS_CHANNEL, (_e, callId: string, progress: Progress) => fn(callId, progress));
  },
  cancel: (callId: string): void => ipcRenderer.send(CANCEL_CHANNEL, callId),
  onMenu: (fn: (command: string) => void): void => {
    ipcRenderer.on(MENU_CHANNEL, (_e, command: string) => fn(command));
  },
} satisfies {
  call: (name: string, input: unknown, callId?: string) => Promise<Reply<unknown>>;
  onProgress: (fn: (callId: string, progress: Progress) => void) => void;
  cancel: (callId: string) => void;
  onMenu: (fn: (c: string) => void) => void;
};

contextBridge.exposeInMainWorld('dossier', bridge);
