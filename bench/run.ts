/**
 * `npm run bench` runs every benchmark in turn and prints its lines; `npm run bench -- <name> [<name>…]` runs only
 * those (pack, contacts, lists, lists-more, cli, responsive, team). Each bench module exports `async function benchX(): Promise<string[]>`
 * and can also be run alone (`npx tsx bench/<name>.ts`).
 */
import { benchCli } from './cli';
import { benchContacts } from './contacts';
import { benchLists } from './lists';
import { benchListsMore } from './lists-more';
import { benchPack } from './pack';
import { benchTeam } from './team';
import { benchResponsive } from './responsive';

const benches: [name: string, title: string, run: () => Promise<string[]>][] = [
  ['pack', 'pack', benchPack],
  ['contacts', 'contacts', benchContacts],
  ['lists', 'lists', benchLists],
  ['lists-more', 'lists (meetings, institutions)', benchListsMore],
  ['cli', 'CLI start-up', benchCli],
  ['team', 'team', benchTeam],
  ['responsive', 'responsive (system.info while 100,000 contacts import)', benchResponsive],
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !benches.some(([name]) => name === w));
if (unknown.length) {
  console.error(`No benchmark called ${unknown.map((u) => `"${u}"`).join(', ')}. Choose from: ${benches.map(([n]) => n).join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const [name, title, fn] of benches) {
  if (wanted.length && !wanted.includes(name)) continue;
  try {
    for (const line of await fn()) console.log(line);
  } catch (err) {
    failed = true;
    console.error(`${title}: failed: ${(err as Error).stack ?? err}`);
  }
}
process.exitCode = failed ? 1 : 0;
