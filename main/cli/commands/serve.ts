/** serve: the browser-mode host on 127.0.0.1, and backup: an online copy of the dossier. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../host/http';
import { appRoot } from '../../paths';
import { backupTo } from '../../store/db';
import { UsageError, type Command } from '../command';

export const serve: Command = {
  name: 'serve',
  summary: 'Serve the app in a browser on 127.0.0.1 (prints the address with its access token).',
  usage: 'serve [--port N]',
  options: { port: { type: 'string' } },
  run: async (_p, values, env) => {
    const port = values.port ? Number(values.port) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${String(values.port)}".`);
    const staticDir = join(appRoot(), 'renderer', 'dist');
    if (!existsSync(join(staticDir, 'index.html'))) env.io.err('The renderer is not built yet: run `npm run build` (the API still answers).');
    const host = await startHost({ ctx: env.ctx(), port, staticDir });
    env.print({ url: host.launchUrl, port: host.port, database: env.dbPath }, () => `Dossier is serving ${env.dbPath}\nOpen ${host.launchUrl}\nPress Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.close();
  },
};

export const backup: Command = {
  name: 'backup',
  summary: 'Copy the dossier to a file with SQLite’s online backup (safe while the app is running).',
  usage: 'backup <file>',
  run: async ([file], _v, env) => {
    if (!file) throw new UsageError('backup needs a destination file.');
    const { pages } = await backupTo(env.ctx().db, file);
    env.print({ file, pages }, () => `Backed up ${env.dbPath} to ${file} (${pages} pages).`);
  },
};
