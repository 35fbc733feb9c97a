/**
 * `npm run bench` runs every benchmark in turn; `npm run bench -- pack contacts` runs the ones named.
 * Each bench module exports `async function benchX(): Promise<string[]>` (its report lines, targets marked
 * "met" / "MISSED") and can also be run alone (`npx tsx bench/<name>.ts`). A new benchmark is one line in
 * the table below; modules load only when their benchmark runs, so one bench does not pay for the others.
 */
export type Bench = () => Promise<string[]>;

const benches: Record<string, Bench> = {
  pack: async () => (await import('./pack')).benchPack(),
  contacts: async () => (await import('./contacts')).benchContacts(),
  lists: async () => (await import('./lists')).benchLists(),
  'lists-more': async () => (await import('./lists-more')).benchListsMore(),
  responsive: async () => (await import('./responsive')).benchResponsive(),
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length) {
  console.error(`No benchmark called ${unknown.map((n) => `"${n}"`).join(', ')}. Known: ${Object.keys(benches).join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const name of asked.length ? asked : Object.keys(benches)) {
  try {
    for (const line of await benches[name]!()) console.log(line);
  } catch (err) {
    failed = true;
    console.error(`${name}: failed: ${(err as Error).stack ?? err}`);
  }
}
process.exitCode = failed ? 1 : 0;
