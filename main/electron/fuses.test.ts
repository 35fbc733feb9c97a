import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The packaged app's fuses (electron-builder.yml → @electron/fuses). Checked here because packaging needs the
// Electron binary and the internet, which this workplace lacks; electron-builder flips them when it packages.
describe('release hardening in the packaging config', () => {
  const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');

  /** The `key: value` pairs of a top-level mapping (the block is flat: booleans only). */
  function block(name: string): Record<string, unknown> {
    const start = lines.indexOf(`${name}:`);
    expect(start, `${name} in electron-builder.yml`).toBeGreaterThanOrEqual(0);
    const out: Record<string, unknown> = {};
    for (const line of lines.slice(start + 1)) {
      const m = /^ {2}(\w+):\s*(\S+)\s*(#.*)?$/.exec(line);
      if (!m) break;
      out[m[1]!] = m[2] === 'true' ? true : m[2] === 'false' ? false : m[2];
    }
    return out;
  }

  it('turns off running as Node, NODE_OPTIONS and --inspect, and loads the app only from its checked asar', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // onlyLoadAppFromAsar needs the app packed into an asar: it must not be switched off.
    expect(lines.some((l) => /^asar:\s*false/.test(l))).toBe(false);
  });
});
