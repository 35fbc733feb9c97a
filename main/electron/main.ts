/**
 * Electron main: lifecycle, the app:// protocol serving the built renderer with its CSP, one window, the menu, and IPC
 * relayed to the operations process (ops-process.ts, a utilityProcess that owns the dossier: the same file the CLI
 * uses). Nothing here opens the dossier or runs an operation, so long work never freezes the window.
 */
import { app, BrowserWindow, Menu, dialog, net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../contract/security';
import { APP_SCHEME, resolveAppFile } from './config';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { type OpsClient, startOpsProcess } from './ops-client';
import { createMainWindow } from './window';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// The bundle sits in .build/electron/; the renderer in renderer/dist (or resources/ when packaged).
const root = app.isPackaged ? process.resourcesPath : join(__dirname, '..', '..');
const rendererDir = join(root, 'renderer', 'dist');

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url, { join, normalize, sep });
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

async function start(): Promise<void> {
  let ops: OpsClient;
  try {
    const db = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
    ops = await startOpsProcess(join(__dirname, 'ops-process.cjs'), { type: 'open', ...(db ? { db } : {}) });
  } catch (err) {
    // A foreign, newer or damaged file is refused, never touched: tell the user and stop.
    dialog.showErrorBox('Dossier cannot open its database', (err as { message?: string }).message ?? String(err));
    app.exit(1);
    return;
  }
  serveRenderer();
  registerIpc(ops);
  // A released app has no Developer Tools: not in the menu, and not openable at all.
  const devTools = !app.isPackaged;
  const win = createMainWindow(join(__dirname, 'preload.cjs'), devTools);
  Menu.setApplicationMenu(buildMenu(win, { devTools }));
  app.on('will-quit', () => ops.close());
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (err) => {
    dialog.showErrorBox('Dossier could not start', String(err));
    app.exit(1);
  });
}
