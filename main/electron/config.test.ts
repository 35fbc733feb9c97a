import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isTrustedSender, webPreferences } from './config';

describe('Electron shell security settings', () => {
  it('windows are isolated, sandboxed and have no Node or webview', () => {
    const p = webPreferences('/x/preload.cjs');
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
  });

  it('only the app:// page is the app; file:, http: and look-alikes are not', () => {
    expect(isAppUrl('app://dossier/index.html#/meetings')).toBe(true);
    for (const u of ['file:///etc/passwd', 'http://127.0.0.1/', 'app://evil/index.html', 'https://dossier/', 'not a url']) expect(isAppUrl(u)).toBe(false);
  });

  it('only https, mailto and tel links leave the app', () => {
    expect(isAllowedExternalUrl('https://www.ilo.org')).toBe(true);
    expect(isAllowedExternalUrl('mailto:perrin@ilo.org')).toBe(true);
    for (const u of ['http://www.ilo.org', 'javascript:alert(1)', 'file:///c:/windows', 'smb://host/share', 'app://dossier/x']) expect(isAllowedExternalUrl(u)).toBe(false);
  });

  it('IPC is answered only for the main frame of the app page', () => {
    expect(isTrustedSender({ url: 'app://dossier/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://dossier/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
