/**
 * Electron main: lifecycle, the app:// protocol serving the built renderer with its CSP, one window,
 * IPC to the ops, the menu. The dossier is the same file the CLI uses (main/paths.ts).
 */
import { app, BrowserWindow, Menu, dialog, net, protocol, shell } from 'electron';
import { dirname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../contract/security';
import { startupBackup } from '../ops/backup';
import { startTeamSync, stopTeamSync } from '../ops/team';
import { fileKeychain } from './keychain';
import type { OpsContext } from '../ops/context';
import { openDossier } from '../ops/open';
import { APP_SCHEME, resolveAppFile } from './config';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
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

/** pack.open's hook: the system's PDF viewer. shell.openPath resolves with an error message ('' when it worked). */
async function openPath(path: string): Promise<void> {
  const failed = await shell.openPath(path);
  if (failed) throw new Error(failed);
}

async function start(): Promise<void> {
  let ctx: OpsContext;
  try {
    ctx = openDossier({ path: process.argv.find((a) => a.startsWith('--db='))?.slice(5), openPath });
    // The team login's password, when the member asks to keep it, goes to the OS keychain (safeStorage), beside the dossier.
    ctx.keychain = fileKeychain(dirname(ctx.dbPath));
  } catch (err) {
    // A foreign or newer file is refused, never touched: tell the user and stop.
    dialog.showErrorBox('Dossier cannot open its database', (err as Error).message);
    app.exit(1);
    return;
  }
  // Once a day, before the user changes anything: a backup in <dataDir>/backups, the last 7 kept.
  await startupBackup(ctx);
  serveRenderer();
  registerIpc(ctx);
  // A team dossier syncs by itself here in the main process, never on the window's thread.
  startTeamSync(ctx, (m) => console.error(m));
  const win = createMainWindow(join(__dirname, 'preload.cjs'));
  Menu.setApplicationMenu(buildMenu(win));
  app.on('before-quit', () => {
    void stopTeamSync(ctx);
    ctx.db.close();
  });
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
