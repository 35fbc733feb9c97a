/**
 * `npm run bench`: runs every benchmark in turn and prints its lines. Each bench module exports
 * `async function benchX(): Promise<string[]>` and can also be run alone (`npx tsx bench/<name>.ts`).
 */
import { benchContacts } from './contacts';
import { benchLists } from './lists';
import { benchListsMore } from './lists-more';
import { benchPack } from './pack';
import { benchTeam } from './team';

const benches: [string, () => Promise<string[]>][] = [
  ['pack', benchPack],
  ['contacts', benchContacts],
  ['lists', benchLists],
  ['lists (meetings, institutions)', benchListsMore],
  ['team', benchTeam],
];

// `npm run bench -- team` runs only the benchmarks whose name starts with one of the words given.
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = only.length ? benches.filter(([name]) => only.some((w) => name.startsWith(w))) : benches;
if (only.length && chosen.length === 0) {
  console.error(`No benchmark called ${only.join(', ')}; there are: ${benches.map(([n]) => n).join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const [name, fn] of chosen) {
  try {
    for (const line of await fn()) console.log(line);
  } catch (err) {
    failed = true;
    console.error(`${name}: failed: ${(err as Error).stack ?? err}`);
  }
}
process.exitCode = failed ? 1 : 0;
