import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real Electron binary is not needed: the factory, the IPC handler and the menu run against a recording mock.
const rec = vi.hoisted(() => ({
  options: null as any,
  on: new Map<string, (...a: any[]) => void>(),
  openHandler: null as null | ((d: { url: string }) => { action: string }),
  permission: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  external: [] as string[],
  loaded: [] as string[],
  ipc: null as null | ((e: unknown, name: unknown, input: unknown, callId?: unknown) => Promise<unknown>),
  ipcOn: new Map<string, (e: unknown, ...a: unknown[]) => void>(),
  sent: [] as string[],
  template: [] as any[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (fn: typeof rec.openHandler) => (rec.openHandler = fn),
      on: (ev: string, fn: (...a: unknown[]) => void) => rec.on.set(ev, fn),
      send: (_ch: string, cmd: string) => rec.sent.push(cmd),
      session: {
        setPermissionRequestHandler: (fn: typeof rec.permission) => (rec.permission = fn),
        setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => (rec.permissionCheck = fn),
      },
    };
    constructor(options: unknown) {
      rec.options = options;
    }
    once() {}
    loadURL(u: string) {
      rec.loaded.push(u);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: (u: string) => (rec.external.push(u), Promise.resolve()) },
    ipcMain: { handle: (_ch: string, fn: typeof rec.ipc) => (rec.ipc = fn), on: (ch: string, fn: (e: unknown, ...a: unknown[]) => void) => rec.ipcOn.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown[]) => ((rec.template = t), t) },
  };
});

const { createMainWindow } = await import('./window');
const { registerIpc } = await import('./ipc');
const { buildMenu } = await import('./menu');
const { testContext } = await import('../ops/test-context');
const { engineOf } = await import('../ops/engine');

const event = () => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

describe('the Electron window (mocked Electron)', () => {
  beforeEach(() => {
    rec.external.length = 0;
    createMainWindow('/app/preload.cjs');
  });

  it('has isolated, sandboxed web preferences with no Node and no webview, and loads only the app page', () => {
    expect(rec.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(rec.options.webPreferences).not.toHaveProperty('enableRemoteModule');
    // The released app's page cannot open Developer Tools at all; a development build asks for them.
    expect(rec.options.webPreferences.devTools).toBe(false);
    createMainWindow('/app/preload.cjs', true);
    expect(rec.options.webPreferences.devTools).toBe(true);
    expect(rec.loaded.at(-1)).toBe('app://dossier/index.html');
  });

  it('denies every window.open; an https link goes to the browser, javascript: and file: go nowhere', () => {
    for (const url of ['https://www.ilo.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'http://example.org/', 'app://dossier/index.html']) {
      expect(rec.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(rec.external).toEqual(['https://www.ilo.org/']);
  });

  it('denies navigation away from the app page, and redirects too', () => {
    const inside = event();
    rec.on.get('will-navigate')!(inside, 'app://dossier/index.html#/contacts');
    expect(inside.prevented).toBe(false);
    for (const url of ['https://evil.example/', 'javascript:window.__pwned=1', 'file:///etc/passwd', 'app://other/index.html']) {
      const e = event();
      rec.on.get('will-navigate')!(e, url);
      expect(e.prevented, url).toBe(true);
      const r = event();
      rec.on.get('will-redirect')!(r, url);
      expect(r.prevented, url).toBe(true);
    }
    expect(rec.external).toEqual(['https://evil.example/']);
    const wv = event();
    rec.on.get('will-attach-webview')!(wv);
    expect(wv.prevented).toBe(true);
  });

  it('refuses every permission (camera, notifications, geolocation…)', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) rec.permission!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(rec.permissionCheck!()).toBe(false);
  });
});

describe('IPC (mocked Electron)', () => {
  it('answers the app’s main frame and refuses any other sender before reaching the ops', async () => {
    registerIpc(engineOf(testContext()));
    const ok = await rec.ipc!({ senderFrame: { url: 'app://dossier/index.html', parent: null } }, 'system.info', {});
    expect(ok).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://dossier/index.html', parent: { url: 'app://dossier/index.html' } },
      { url: 'file:///tmp/x.html', parent: null },
      null,
    ]) {
      expect(await rec.ipc!({ senderFrame }, 'system.loadDemo', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /own window/ } });
    }
    expect(await rec.ipc!({ senderFrame: { url: 'app://dossier/index.html', parent: null } }, 42, {})).toMatchObject({ ok: false, error: { field: 'op' } });
    // Nothing was loaded by the refused calls.
    expect(await rec.ipc!({ senderFrame: { url: 'app://dossier/index.html', parent: null } }, 'system.info', {})).toMatchObject({ value: { empty: true } });
  });
});

describe('menu (mocked Electron)', () => {
  it('File has Back Up Now… and Restore from Backup…, which send commands to the page', () => {
    buildMenu(new (class {
      webContents = { send: (_c: string, cmd: string) => rec.sent.push(cmd) };
    })() as never);
    const file = rec.template.find((m: { label?: string }) => m.label === '&File');
    const items = file.submenu.filter((i: { label?: string }) => i.label);
    for (const label of ['Back Up Now…', 'Restore from Backup…']) items.find((i: { label: string }) => i.label === label).click();
    expect(rec.sent).toEqual(['backup:now', 'backup:restore']);
  });

  it('File → Export Pack… (CmdOrCtrl+E) asks the page to export the open meeting’s or briefing’s pack', () => {
    buildMenu(new (class {
      webContents = { send: (_c: string, cmd: string) => rec.sent.push(cmd) };
    })() as never);
    const file = rec.template.find((m: { label?: string }) => m.label === '&File');
    const item = file.submenu.find((i: { label?: string }) => i.label === 'Export Pack…');
    expect(item.accelerator).toBe('CmdOrCtrl+E');
    rec.sent.length = 0;
    item.click();
    expect(rec.sent).toEqual(['pack:export']);
  });
});

describe('the production menu (mocked Electron)', () => {
  const page = () => new (class {
    webContents = { send: (_c: string, cmd: string) => rec.sent.push(cmd) };
  })() as never;
  /** Every role and label anywhere in the menu, submenus included. */
  const everything = (items: any[]): string[] => items.flatMap((i) => [i.role, i.label, ...(Array.isArray(i.submenu) ? everything(i.submenu) : [])].filter(Boolean));

  it('has no Developer Tools, no Reload and no stock View role in a released app', () => {
    buildMenu(page());
    const all = everything(rec.template).map((x) => String(x).toLowerCase());
    for (const gone of ['toggledevtools', 'reload', 'forcereload', 'viewmenu']) expect(all, gone).not.toContain(gone);
    const view = rec.template.find((m: { label?: string }) => m.label === '&View');
    expect(view.submenu.map((i: { role?: string }) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('keeps Developer Tools for a development build', () => {
    buildMenu(page(), { devTools: true });
    expect(everything(rec.template)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});

describe('long work over IPC (mocked Electron)', () => {
  const app = { url: 'app://dossier/index.html', parent: null };
  const sender = () => {
    const sent: unknown[][] = [];
    return { sent, isDestroyed: () => false, send: (...a: unknown[]) => sent.push(a) };
  };

  it('relays progress to the page under its call id, and the page cancels with the same id', async () => {
    const runs: { name: string; signal?: AbortSignal }[] = [];
    let release!: () => void;
    registerIpc({
      call: async (name, _input, opts = {}) => {
        runs.push({ name, ...(opts.signal ? { signal: opts.signal } : {}) });
        opts.onProgress?.({ done: 1, total: 2, label: 'Importing contacts' });
        await new Promise<void>((r) => (release = r));
        return opts.signal?.aborted ? { ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' } } : { ok: true, value: 1 };
      },
    });
    const s = sender();
    const reply = rec.ipc!({ senderFrame: app, sender: s }, 'contact.importCommit', {}, 'call-7');
    await new Promise((r) => setImmediate(r));
    expect(s.sent).toEqual([['dossier:progress', 'call-7', { done: 1, total: 2, label: 'Importing contacts' }]]);
    // Another frame cannot cancel it; the app's own page can.
    rec.ipcOn.get('dossier:cancel')!({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'call-7');
    expect(runs[0]!.signal!.aborted).toBe(false);
    rec.ipcOn.get('dossier:cancel')!({ senderFrame: app }, 'call-7');
    expect(runs[0]!.signal!.aborted).toBe(true);
    release();
    expect(await reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('the operations process client (mocked utility process)', () => {
  /** A child that answers like ops-process.ts would. */
  function fakeChild(onCall: (m: any, emit: (m: unknown) => void) => void) {
    const listeners = new Map<string, ((m: any) => void)[]>();
    const emit = (ev: string, m: unknown) => listeners.get(ev)?.forEach((f) => f(m));
    const posted: any[] = [];
    const child = {
      posted,
      on: (ev: string, f: (m: any) => void) => listeners.set(ev, [...(listeners.get(ev) ?? []), f]),
      kill: () => (emit('exit', 0), true),
      postMessage: (m: any) => {
        posted.push(m);
        if (m.type === 'open') queueMicrotask(() => emit('message', m.db === 'bad.db' ? { type: 'failed', error: { code: 'not_dossier', message: 'bad.db is not a Dossier database.' } } : { type: 'ready' }));
        else onCall(m, (r) => emit('message', r));
      },
    };
    return child;
  }

  it('opens the dossier in the child, relays calls, progress and cancel, and reports a refused file', async () => {
    const { startOpsProcess } = await import('./ops-client');
    const child = fakeChild((m, emit) => {
      if (m.type === 'call') {
        emit({ type: 'progress', id: m.id, progress: { done: 1, total: 1, label: 'Done' } });
        emit({ type: 'reply', id: m.id, reply: { ok: true, value: m.name } });
      }
    });
    const client = await startOpsProcess('/x/ops-process.cjs', { type: 'open', db: 'ok.db' }, () => child as never);
    expect(child.posted[0]).toEqual({ type: 'open', db: 'ok.db' });
    const seen: unknown[] = [];
    const controller = new AbortController();
    expect(await client.call('pack.build', { meetingId: 1 }, { onProgress: (p) => seen.push(p), signal: controller.signal })).toEqual({ ok: true, value: 'pack.build' });
    expect(seen).toEqual([{ done: 1, total: 1, label: 'Done' }]);
    controller.abort();
    expect(child.posted.at(-1)).toEqual({ type: 'cancel', id: 1 });
    await expect(startOpsProcess('/x/ops-process.cjs', { type: 'open', db: 'bad.db' }, () => fakeChild(() => {}) as never)).rejects.toMatchObject({ code: 'not_dossier' });
  });
});
