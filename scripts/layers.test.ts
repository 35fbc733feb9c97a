import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

// The architecture is a rule, not a hope: every import crosses layers only downwards (eslint.config.js).
it('no module imports across the layers of the architecture', async () => {
  const eslint = new ESLint();
  const results = await eslint.lintFiles(['contract', 'main', 'renderer/src']);
  const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
  expect(problems).toEqual([]);
}, 120_000);

// main/assemble sits between the store and the pack: it may take the pack's document types and labels, nothing that
// lays out; the store, the pack and the formats never import it; ops do.
it.each([
  ['main/assemble/x.ts', "import { dispatch } from '../ops/index';", false],
  ['main/assemble/x.ts', "import { buildPack } from '../pack/build';", false],
  ['main/assemble/x.ts', "import PDFDocument from 'pdfkit';", false],
  ['main/assemble/x.ts', "import type { PackDocument } from '../pack/document';", true],
  ['main/assemble/x.ts', "import { labelsFor } from '../pack/labels';", true],
  ['main/assemble/x.ts', "import { getBriefingDetail } from '../store/briefings';", true],
  ['main/store/x.ts', "import { assemble } from '../assemble/document';", false],
  ['main/pack/x.ts', "import { readPackSource } from '../assemble/source';", false],
  ['main/formats/x.ts', "import { readPackSource } from '../assemble/source';", false],
  ['main/ops/x.ts', "import { assemble } from '../assemble/document';", true],
])('%s: %s allowed = %s', async (file, text, allowed) => {
  const [result] = await new ESLint().lintText(text, { filePath: file });
  expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length === 0).toBe(allowed);
});
