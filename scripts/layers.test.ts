import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture is a rule, not a hope: every import crosses layers only as STYLE.md allows (eslint.config.js),
// in the TypeScript and in the Svelte components alike.
const eslint = new ESLint();

it('no module or component imports across the layers of the architecture', async () => {
  const results = await eslint.lintFiles(['contract', 'main', 'renderer/src']);
  const components = results.filter((r) => r.filePath.endsWith('.svelte'));
  expect(components.length).toBeGreaterThan(60); // the components are linted, not skipped
  const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
  expect(problems).toEqual([]);
}, 180_000);

/** The messages of the layer rule for one line of code placed in `filePath`. */
async function crossings(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  expect(r!.messages.filter((m) => m.fatal)).toEqual([]); // a case that does not parse proves nothing
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}
const svelte = (imports: string) => `<script lang="ts">\n${imports}\n</script>\n<p>x</p>\n`;

// Each rule of STYLE.md, shown to bite: a crossing it must refuse, and the import it must allow.
describe('the layer rules', () => {
  const cases: [file: string, code: string, refused: boolean][] = [
    // contract → nothing but zod
    ['contract/model/x.ts', "import { z } from 'zod';", false],
    ['contract/model/x.ts', "import { Id } from '../model/common';", false],
    ['contract/x.ts', "import { readFileSync } from 'node:fs';", true],
    ['contract/x.ts', "import { marked } from 'marked';", true],
    ['contract/model/x.ts', "import { openDb } from '../../main/store/db';", true],
    // store, pack → contract
    ['main/store/x.ts', "import { Contact } from '../../contract/model';", false],
    ['main/store/x.ts', "import { dispatch } from '../ops/index';", true],
    ['main/pack/x.ts', "import { getContact } from '../store/contacts';", true],
    ['main/pack/x.ts', "import Database from 'better-sqlite3';", true],
    ['main/store/x.ts', "import PDFDocument from 'pdfkit';", true],
    // assemble → contract, store, formats, and only the pack's document types and labels; store, pack, formats never import it
    ['main/assemble/x.ts', "import { getBriefingDetail } from '../store/briefings';", false],
    ['main/assemble/x.ts', "import type { PackDocument } from '../pack/document';", false],
    ['main/assemble/x.ts', "import { labelsFor } from '../pack/labels';", false],
    ['main/assemble/x.ts', "import { buildPack } from '../pack/build';", true],
    ['main/assemble/x.ts', "import PDFDocument from 'pdfkit';", true],
    ['main/assemble/x.ts', "import { dispatch } from '../ops/index';", true],
    ['main/store/x.ts', "import { assemble } from '../assemble/document';", true],
    ['main/pack/x.ts', "import { readPackSource } from '../assemble/source';", true],
    ['main/formats/x.ts', "import { readPackSource } from '../assemble/source';", true],
    // ops → contract, store, assemble, pack, formats; never the test support
    ['main/ops/x.ts', "import { assemble } from '../assemble/document';", false],
    ['main/ops/x.ts', "import { pageTexts } from '../test-support/pdf';", true],
    ['main/ops/x.ts', "import { getContact } from '../store/contacts';", false],
    ['main/ops/x.ts', "import { startHost } from '../host/http';", true],
    ['main/ops/x.ts', "import Database from 'better-sqlite3';", true],
    // electron, host, cli → ops and contract: the store only through ops
    ['main/cli/commands/x.ts', "import { dispatch } from '../../ops/index';", false],
    ['main/cli/commands/x.ts', "import { listBackups } from '../../store/backup';", true],
    ['main/cli/commands/x.ts', "import { readVCards } from '../../formats/vcard';", true],
    ['main/electron/x.ts', "import { openDb } from '../store/db';", true],
    ['main/electron/x.ts', "import { app } from 'electron';", false],
    ['main/host/x.ts', "import { app } from 'electron';", true],
    ['main/host/x.ts', "import { getContact } from '../store/contacts';", true],
    ['main/cli/x.ts', "import { createServer } from 'node:http';", true],
    // renderer → contract only, components included
    ['renderer/src/lib/x.ts', "import { ops } from '../../../contract/ops';", false],
    ['renderer/src/lib/x.ts', "import { dispatch } from '../../../main/ops/index';", true],
    ['renderer/src/screens/X.svelte', svelte("  import { ops } from '../../../contract/ops';"), false],
    ['renderer/src/screens/X.svelte', svelte("  import { dispatch } from '../../../main/ops/index';"), true],
    ['renderer/src/screens/X.svelte', svelte("  import { readFileSync } from 'node:fs';"), true],
    ['renderer/src/screens/X.svelte', svelte("  import { ipcRenderer } from 'electron';"), true],
  ];
  it.each(cases)('%s: %s', async (file, code, refused) => {
    const found = await crossings(file, code);
    if (refused) expect(found.length).toBeGreaterThan(0);
    else expect(found).toEqual([]);
  });

  it('wants a reason on every svelte-ignore', async () => {
    const markup = (comment: string) => `<script lang="ts">\n  let { go }: { go: () => void } = $props();\n</script>\n${comment}\n<div role="group" onkeydown={go}>x</div>\n`;
    expect(await crossings('renderer/src/X.svelte', markup('<!-- svelte-ignore a11y_no_noninteractive_element_interactions -->'))).toEqual([
      'Give the reason for a svelte-ignore in brackets after the codes: <!-- svelte-ignore code (why) -->.',
    ]);
    expect(await crossings('renderer/src/X.svelte', markup('<!-- svelte-ignore a11y_no_noninteractive_element_interactions (Esc inside closes it) -->'))).toEqual([]);
  });
});
