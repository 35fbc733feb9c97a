/** serve: the browser-mode host on 127.0.0.1 (starts the daily backup beside it). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHost } from '../../host/http';
import { appRoot } from '../../ops/paths';
import { startupBackup } from '../../ops/backup';
import { startEngine } from '../../ops/engine';
import { startTeamSync, stopTeamSync } from '../../ops/team';
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
    const ctx = env.ctx();
    // The page is not the shell's user: it may not name paths to write to. The same context, not a copy, so a
    // restore from the page (which reopens ctx.db) is the connection the CLI closes at the end. Long work runs on a
    // lane of its own (ops/engine.ts).
    ctx.writesFiles = false;
    const engine = await startEngine(ctx);
    // Once a day: a backup in <dataDir>/backups, made on the engine's lane while the page loads.
    const backup = startupBackup(engine, env.io.err);
    try {
      const host = await startHost({ ctx, engine, port, staticDir });
      // A team dossier syncs by itself while it is served (live on the team's changes), on the engine's connection.
      startTeamSync(engine.ctx, env.io.err);
      env.print({ url: host.launchUrl, port: host.port, database: env.dbPath }, () => `Dossier is serving ${env.dbPath}\nOpen ${host.launchUrl}\nPress Ctrl+C to stop.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await stopTeamSync(engine.ctx);
      await host.close();
      // A backup still copying is finished, not cut off (it would only be a .part file left to remove).
      await backup;
    } finally {
      await engine.close();
    }
  },
};
