import { openDb } from './main/store/db';
import { copyDatabase, backupNow, prepareRestore, commitRestore } from './main/store/backup';
import { readdirSync, statSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
rmSync('/tmp/hx/p', { recursive: true, force: true }); mkdirSync('/tmp/hx/p');
const db = openDb('/tmp/hx/p/new/d.db');
db.prepare("insert into settings(key,value) values ('a','b')").run();
const ls = (d: string) => readdirSync(d).map((f) => `${f} ${(statSync(d + '/' + f).mode & 0o777).toString(8)}`);
console.log(ls('/tmp/hx/p'), ls('/tmp/hx/p/new'));
await copyDatabase(db, '/tmp/hx/p/b.db');
const b = await backupNow(db, '/tmp/hx/p/new', new Date());
console.log(ls('/tmp/hx/p'), ls('/tmp/hx/p/new'), ls('/tmp/hx/p/new/backups'));
// foreign WAL file
const f = new Database('/tmp/hx/p/foreign.db'); f.pragma('journal_mode=WAL'); f.exec('create table x(y)'); f.close();
const w = new Database('/tmp/hx/p/ours-wal.db'); w.pragma('journal_mode=WAL'); w.close();
for (const file of ['/tmp/hx/p/foreign.db']) { try { openDb(file) } catch (e) { console.log((e as Error).message) } }
try { await prepareRestore('/tmp/hx/p/new/d.db', '/tmp/hx/p/foreign.db', new Date(), db) } catch (e) { console.log((e as Error).message) }
const plan = await prepareRestore('/tmp/hx/p/new/d.db', b.file, new Date(), db);
console.log(ls('/tmp/hx/p'), ls('/tmp/hx/p/new'));
db.close(); commitRestore('/tmp/hx/p/new/d.db', plan);
console.log(ls('/tmp/hx/p/new'));
