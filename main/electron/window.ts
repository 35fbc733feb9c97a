/**
 * The one window: hardened web preferences, navigation and new windows denied, external https links to the browser.
 * The preferences are written out here as a literal (not built elsewhere) so static checkers such as
 * electronegativity (`npm run lint:security`) can see them; window.test.ts asserts them with a mocked Electron.
 */
import { BrowserWindow, shell } from 'electron';
import { APP_URL, navigationDecision, windowOpenDecision } from './config';

/** `devTools`: whether the page's Developer Tools can open at all (development builds only; see menu.ts). */
export function createMainWindow(preloadPath: string, devTools = false): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    title: 'Dossier',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise open links in a new window without going through the handler below.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  const { webContents } = win;
  webContents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url);
    // Only https:, mailto: and tel: get here (config.ts isAllowedExternalUrl); javascript:, file: and the rest never do.
    if (d.external) void shell.openExternal(url);
    return { action: d.action };
  });
  webContents.on('will-navigate', (event, url) => {
    const d = navigationDecision(url);
    if (d.allow) return;
    event.preventDefault();
    if (d.external) void shell.openExternal(url);
  });
  webContents.on('will-redirect', (event, url) => {
    if (!navigationDecision(url).allow) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
  void win.loadURL(APP_URL);
  return win;
}
