/**
 * `npm run bench`: runs every benchmark in turn and prints its lines. Each bench module exports
 * `async function benchX(): Promise<string[]>` and can also be run alone (`npx tsx bench/<name>.ts`).
 */
import { benchContacts } from './contacts';
import { benchLists } from './lists';
import { benchListsMore } from './lists-more';
import { benchPack } from './pack';

const benches: [string, () => Promise<string[]>][] = [
  ['pack', benchPack],
  ['contacts', benchContacts],
  ['lists', benchLists],
  ['lists (meetings, institutions)', benchListsMore],
];

let failed = false;
for (const [name, fn] of benches) {
  try {
    for (const line of await fn()) console.log(line);
  } catch (err) {
    failed = true;
    console.error(`${name}: failed: ${(err as Error).stack ?? err}`);
  }
}
process.exitCode = failed ? 1 : 0;
