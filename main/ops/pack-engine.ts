/**
 * The pack builder and the font check, loaded on first use instead of with the operations: pdfkit, fontkit and the
 * pack's modules were about half of what loading the operations cost, and every start-up (serve, the operations
 * process, each long-work lane) loads the operations (issue 18: ready ≤ 1 s).
 */
type Engine = typeof import('../pack/build') & typeof import('../pack/glyph-check');

let engine: Promise<Engine> | null = null;

export const packEngine = (): Promise<Engine> =>
  (engine ??= Promise.all([import('../pack/build'), import('../pack/glyph-check')]).then(([build, glyphs]) => ({ ...build, ...glyphs })));
