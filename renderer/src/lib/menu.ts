/**
 * Commands from the Electron application menu (main/electron/menu.ts), delivered through the preload bridge.
 * In browser mode there is no native menu and this never fires.
 */
interface MenuBridge {
  onMenu?: (fn: (command: string) => void) => void;
}

export function onMenuCommand(fn: (command: string) => void): void {
  (window.dossier as MenuBridge | undefined)?.onMenu?.(fn);
}
