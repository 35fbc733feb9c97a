import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

// The architecture is a rule, not a hope: every import crosses layers only downwards (eslint.config.js).
it('no module imports across the layers of the architecture', async () => {
  const eslint = new ESLint();
  const results = await eslint.lintFiles(['contract', 'main', 'renderer/src']);
  const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
  expect(problems).toEqual([]);
}, 120_000);
