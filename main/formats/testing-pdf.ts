/** PDFs made by hand for tests of the pack import's defences: hostile attachments, bombs, odd structure. */
import { constants, createDeflate } from 'node:zlib';

/** A small valid PDF (one empty page) carrying the given embedded files, their streams compressed as given. */
export function pdfWithAttachments(files: { name: string; stream: Buffer; filter?: string; length?: 'direct' | 'indirect' }[]): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (o: string | Buffer) => objects.push(o);
  add('<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>');
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  add('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  const first = 5;
  const names = files.map((f, i) => `(${f.name}) ${first + i * 3} 0 R`).join(' ');
  add(`<< /Names [${names}] >>`);
  files.forEach((f, i) => {
    const spec = first + i * 3;
    add(`<< /Type /Filespec /F (${f.name}) /UF (${f.name}) /EF << /F ${spec + 1} 0 R >> >>`);
    const len = f.length === 'indirect' ? `${spec + 2} 0 R` : String(f.stream.length);
    add(Buffer.concat([Buffer.from(`<< /Type /EmbeddedFile /Filter /${f.filter ?? 'FlateDecode'} /Length ${len} >>\nstream\n`, 'latin1'), f.stream, Buffer.from('\nendstream', 'latin1')]));
    add(String(f.stream.length));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objects.forEach((o, i) => {
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(pos);
    parts.push(body);
    pos += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * A vCard whose note is `size` bytes of one letter, deflated as it is made: the bomb is built without ever holding it
 * whole, and compresses about a thousand to one, as such files do.
 */
export async function deflatedRepeat(size: number, unit = 'A'): Promise<Buffer> {
  const z = createDeflate({ level: 9, strategy: constants.Z_RLE });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  z.write('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Schmidt\r\nN:Schmidt;Anna;;;\r\nNOTE:');
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)), 'latin1');
  for (let written = 0; written < size; written += chunk.length) {
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

