import { join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerIpc, isAllowedExternalUrl, isAppUrl, isTrustedSender, navigationDecision, resolveAppFile, windowOpenDecision } from './config';

describe('Electron shell security settings', () => {
  // The window's webPreferences are asserted on the real factory with a mocked Electron: window.test.ts.

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

  it('navigation: only the app page loads; https leaves for the browser; nothing else goes anywhere', () => {
    expect(navigationDecision('app://dossier/index.html#/meetings/3')).toEqual({ allow: true, external: false });
    expect(navigationDecision('https://www.oecd.org/')).toEqual({ allow: false, external: true });
    for (const u of ['javascript:alert(1)', 'file:///etc/passwd', 'http://www.ilo.org', 'data:text/html,<script>1</script>', 'app://evil/x']) {
      expect(navigationDecision(u)).toEqual({ allow: false, external: false });
    }
    expect(windowOpenDecision('https://www.ilo.org')).toEqual({ action: 'deny', external: true });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', external: false });
  });

  it('an IPC message from another frame never reaches the ops', async () => {
    const calls: string[] = [];
    const call = async (n: string) => (calls.push(n), { ok: true, value: 1 });
    expect(await answerIpc({ url: 'app://dossier/index.html', parent: null }, 'system.info', {}, call)).toEqual({ ok: true, value: 1 });
    expect(await answerIpc({ url: 'app://dossier/index.html', parent: {} }, 'system.loadDemo', {}, call)).toMatchObject({ ok: false });
    expect(await answerIpc({ url: 'https://evil.example/', parent: null }, 'system.loadDemo', {}, call)).toMatchObject({ ok: false });
    expect(await answerIpc({ url: 'app://dossier/index.html', parent: null }, { toString: () => 'x' }, {}, call)).toMatchObject({ ok: false });
    expect(calls).toEqual(['system.info']);
  });

  it('the app:// protocol serves files of the renderer directory only', () => {
    const root = normalize('/opt/dossier/renderer/dist');
    const path = { join, normalize, sep };
    expect(resolveAppFile(root, 'app://dossier/index.html', path)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dossier/', path)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://dossier/assets/app.js', path)).toBe(join(root, 'assets', 'app.js'));
    // Climbing out, plain or encoded, ends inside the directory (the URL parser folds the dots) or is refused.
    for (const u of ['app://dossier/../../../etc/passwd', 'app://dossier/%2e%2e/%2e%2e/etc/passwd', 'app://dossier/..%2f..%2fetc%2fpasswd', 'app://dossier/a/..%5c..%5c..%5cetc']) {
      const f = resolveAppFile(root, u, path);
      expect(f === null || f.startsWith(root + sep), `${u} → ${f}`).toBe(true);
    }
    expect(resolveAppFile(root, 'app://dossier/..%2f..%2fetc%2fpasswd', path)).toBeNull();
    for (const u of ['app://evil/index.html', 'app://dossier/%E0%A4%A', 'app://dossier/a%00b', 'file:///etc/passwd', 'nonsense']) {
      expect(resolveAppFile(root, u, path), u).toBeNull();
    }
  });
});
