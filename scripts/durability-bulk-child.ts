/**
 * A bulk contact import to be killed half-way (main/store/durability.test.ts): imports N generated vCards into the
 * dossier named on the command line through contact.importCommit, printing `PROGRESS <done> <total>` as the import
 * reports it (stdout to a pipe is synchronous, so the parent sees each line before it kills) and `DONE` at the end.
 * A bulk import changes the schema inside its transaction (indexes and capture's insert triggers set aside): a kill
 * must leave the schema as it was.
 */
import { ops } from '../contract/ops';
import { contactIoHandlers } from '../main/ops/contact-io';
import { openDossier } from '../main/ops/open';
import { runHandler } from '../main/ops/run';
import { numberedCards } from '../main/test-support/cards';

const [dbPath, count] = process.argv.slice(2);
const n = Number(count);
const cards = numberedCards(n, 'Abbruch', 'Bulk Unit').join('');
const say = (line: string) => process.stdout.write(line + '\n');
const ctx = { ...openDossier({ path: dbPath }), progress: (done: number, total: number) => say(`PROGRESS ${done} ${total}`) };
await runHandler(ctx, 'contact.importCommit', contactIoHandlers['contact.importCommit'], ops['contact.importCommit'].input.parse({ format: 'vcard', content: cards, fileName: 'bulk.vcf' }));
say('DONE');
