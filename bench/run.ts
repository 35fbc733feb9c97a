/**
 * `npm run bench` runs every benchmark in turn and prints its lines; `npm run bench -- <name> [<name>…]` runs only
 * those (pack, contacts, lists, lists-more, ready, cli, responsive, team). Each bench module exports `async function benchX():
 * Promise<string[]>` (its report lines, targets marked "met" / "MISSED") and can also be run alone
 * (`npx tsx bench/<name>.ts`). A new benchmark is one line in the table below; modules load only when their
 * benchmark runs, so one bench does not pay for the others.
 */
export type Bench = () => Promise<string[]>;

const benches: [name: string, title: string, run: Bench][] = [
  ['pack', 'pack', async () => (await import('./pack')).benchPack()],
  ['contacts', 'contacts', async () => (await import('./contacts')).benchContacts()],
  ['lists', 'lists', async () => (await import('./lists')).benchLists()],
  ['lists-more', 'lists (meetings, institutions)', async () => (await import('./lists-more')).benchListsMore()],
  ['ready', 'app ready', async () => (await import('./ready')).benchReady()],
  ['cli', 'CLI start-up', async () => (await import('./cli')).benchCli()],
  ['responsive', 'responsive (system.info while 100,000 contacts import)', async () => (await import('./responsive')).benchResponsive()],
  ['team', 'team (PostgreSQL)', async () => (await import('./team')).benchTeam()],
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
