/**
 * The Electron shell end to end: runs where the Electron binary is installed, skips with the reason elsewhere
 * (this workplace cannot download it). The same contract is covered in Chromium by the other specs, and the bundles'
 * shape (main relays, the operations process owns the dossier) under Node by main/electron/bundle.test.ts.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

function electronBinary(): string | null {
  try {
    const dir = resolve('node_modules/electron');
    const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const binding = process.env.DOSSIER_SQLITE_BINDING;

test.describe('Electron shell', () => {
  test.skip(!bin, 'Electron binary not installed (node_modules/electron/dist is missing; run `npm start` once with internet access to fetch it)');
  test.skip(!!bin && !binding, 'better-sqlite3 has not been built for Electron (set DOSSIER_SQLITE_BINDING; `npm start` builds it)');

  test('opens the hardened window on the app:// page; the operations process owns the dossier and keeps it answering during long work', async () => {
    test.setTimeout(180_000);
    const { buildElectron } = await import('../scripts/build-electron');
    await buildElectron();
    const db = join(mkdtempSync(join(tmpdir(), 'dossier-electron-')), 'dossier.db');
    const app = await electron.launch({ executablePath: bin!, args: [resolve('.build/electron/main.cjs'), `--db=${db}`], env: { ...process.env, DOSSIER_SQLITE_BINDING: binding! } });
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/dossier\//);
    // getLastWebPreferences is documented but missing from some versions' typings.
    const prefs = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): unknown }).getLastWebPreferences());
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    // The dossier lives in a utility process; the window's main process has no database module loaded.
    const metrics = await app.evaluate(({ app: a }) => a.getAppMetrics().map((m) => ({ type: m.type, name: m.name ?? '' })));
    expect(metrics).toContainEqual({ type: 'Utility', name: 'Dossier operations' });
    expect(await app.evaluate(() => Object.keys(require.cache).some((k) => k.includes('better-sqlite3') || k.includes('pdfkit')))).toBe(false);

    await page.getByRole('button', { name: /Explore the demo dossier/ }).click();
    await expect(page.getByRole('list', { name: 'Meetings' })).toContainText('WPSDG');

    // Long work over IPC: progress arrives under the call's id while quick calls keep answering; cancel reaches it.
    const seen = await page.evaluate(async () => {
      const bridge = (window as unknown as { dossier: { call(n: string, i: unknown, id?: string): Promise<{ ok: boolean; error?: { code: string } }>; onProgress(fn: (id: string, p: unknown) => void): void; cancel(id: string): void } }).dossier;
      const progress: unknown[] = [];
      bridge.onProgress((id, p) => id === 'e2e-1' && progress.push(p));
      const cards = Array.from({ length: 4000 }, (_, i) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna ${i} Schmidt\r\nN:Schmidt;Anna ${i};;;\r\nEMAIL:anna.${i}@bmas.bund.de\r\nEND:VCARD\r\n`).join('');
      const importing = bridge.call('contact.importCommit', { format: 'vcard', content: cards, fileName: 'bmas.vcf' }, 'e2e-1');
      const quick = await bridge.call('system.info', {});
      while (progress.length === 0) await new Promise((r) => setTimeout(r, 20));
      bridge.cancel('e2e-1');
      const reply = await importing;
      const after = (await bridge.call('contact.list', { query: 'Schmidt' })) as unknown as { value: { total: number } };
      return { quickOk: quick.ok, progress: progress.length, reply: reply.error?.code ?? 'ok', imported: after.value.total };
    });
    expect(seen).toMatchObject({ quickOk: true, reply: 'cancelled', imported: 0 });
    expect(seen.progress).toBeGreaterThan(0);
    await app.close();
  });
});
