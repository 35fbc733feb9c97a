/**
 * The application menu: the usual Edit/Window roles, a View menu, and Dossier's own commands, sent to the page.
 * A released app has no Developer Tools and no Reload in it (the stock viewMenu role has both): DevTools would let
 * anyone at the keyboard run script in the page that holds the dossier, and a reload drops unsaved typing.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from './config';

export interface MenuOptions {
  /** Developer Tools and Reload in View: only for a development build (`!app.isPackaged`). */
  devTools: boolean;
}

/** The View menu: zoom and full screen for everyone; reload and Developer Tools only in development. */
export function viewMenu({ devTools }: MenuOptions): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    ...(devTools ? [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return { label: '&View', submenu };
}

export function buildMenu(win: BrowserWindow, opts: MenuOptions = { devTools: false }): Menu {
  const send = (command: string) => () => win.webContents.send(MENU_CHANNEL, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Meeting', accelerator: 'CmdOrCtrl+N', click: send('go:meetings/new') },
        { label: 'New Contact', accelerator: 'CmdOrCtrl+Shift+N', click: send('go:contacts/new') },
        { type: 'separator' },
        // The page knows which meeting or briefing is open; it opens its export dialog (or says what to open first).
        { label: 'Export Pack…', accelerator: 'CmdOrCtrl+E', click: send('pack:export') },
        { type: 'separator' },
        // Both open the page's Backups panel: "now" makes a backup at once, "restore" shows the list to pick from.
        { label: 'Back Up Now…', click: send('backup:now') },
        { label: 'Restore from Backup…', click: send('backup:restore') },
        { type: 'separator' },
        { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', click: send('palette') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [
        { label: 'Meetings', accelerator: 'CmdOrCtrl+1', click: send('go:meetings') },
        { label: 'Institutions', accelerator: 'CmdOrCtrl+2', click: send('go:institutions') },
        { label: 'Contacts', accelerator: 'CmdOrCtrl+3', click: send('go:contacts') },
        { label: 'Briefings', accelerator: 'CmdOrCtrl+4', click: send('go:briefings') },
        { label: 'Search', accelerator: 'CmdOrCtrl+F', click: send('search') },
      ],
    },
    viewMenu(opts),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: send('help') }] },
  ];
  return Menu.buildFromTemplate(template);
}
