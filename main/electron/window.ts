/** The one window: hardened web preferences, navigation and new windows denied, external https links to the browser. */
import { BrowserWindow, shell } from 'electron';
import { APP_URL, isAllowedExternalUrl, isAppUrl, webPreferences } from './config';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: 'Dossier',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: webPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  const { webContents } = win;
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    }
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  void win.loadURL(APP_URL);
  return win;
}
