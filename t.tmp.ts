import { writeVCards } from './main/formats/vcard-write';
import { readVCards } from './main/formats/vcard';
import { emptyContact } from './main/formats/contact-data';
const c = { ...emptyContact(), givenName: 'A\u000bB', familyName: 'C;D,E\\F', notes: 'line1\r\nline2\rline3\u0000x\u2028y\u0085z\ttab', position: 'P\nQ', source: 'S:T', institutionNames: ['Org; Inc', 'Unit, X'] };
for (const v of ['4.0', '3.0'] as const) {
  const out = writeVCards([c], v);
  console.log(JSON.stringify(out));
  try { const back = readVCards(out, 'x.vcf'); console.log(JSON.stringify(back[0], null, 0)); } catch (e) { console.log('ERR', (e as Error).message); }
}
