/**
 * The team login's password in the OS keychain: encrypted with Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, the Secret Service on Linux) and kept in a small file beside the dossier — never in the dossier itself,
 * so never in its backups. Where the OS offers no encryption nothing is kept (PGPASSWORD or ~/.pgpass then).
 */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function fileKeychain(dataDir: string) {
  const file = join(dataDir, 'team-credentials.json');
  const read = (): Record<string, string> => {
    try {
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => {
    writeFileSync(`${file}.part`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${file}.part`, file);
  };
  return {
    load: async (account: string) => {
      const kept = read()[account];
      if (!kept || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(kept, 'base64'));
      } catch {
        return null;
      }
    },
    save: async (account: string, secret: string) => {
      if (!safeStorage.isEncryptionAvailable()) return;
      write({ ...read(), [account]: safeStorage.encryptString(secret).toString('base64') });
    },
    clear: async (account: string) => {
      const all = read();
      if (!(account in all)) return;
      delete all[account];
      write(all);
    },
  };
}
