/**
 * The only bridge between the page and the main process: `call(op, input)` over one IPC channel, and
 * menu commands coming the other way. Nothing else of Node or Electron reaches the renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Reply } from '../../contract/errors';

const IPC_CHANNEL = 'dossier:call';
const MENU_CHANNEL = 'dossier:menu';

const bridge = {
  call: (name: string, input: unknown): Promise<Reply<unknown>> => ipcRenderer.invoke(IPC_CHANNEL, name, input),
  onMenu: (fn: (command: string) => void): void => {
    ipcRenderer.on(MENU_CHANNEL, (_e, command: string) => fn(command));
  },
} satisfies { call: (name: string, input: unknown) => Promise<Reply<unknown>>; onMenu: (fn: (c: string) => void) => void };

contextBridge.exposeInMainWorld('dossier', bridge);
