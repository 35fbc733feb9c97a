/**
 * The pack builder and the font check, loaded on first use instead of at start-up: pdfkit, fontkit and the pack's
 * modules are about half of what the operations load, and a start-up waits for all of it (issue 18: ready ≤ 1 s).
 * A shell that will build packs (the window, browser mode) calls preloadPackEngine once its first screen is up.
 */
type Engine = typeof import('../pack/build') & typeof import('../pack/glyph-check');

let engine: Promise<Engine> | null = null;

export const packEngine = (): Promise<Engine> =>
  (engine ??= Promise.all([import('../pack/build'), import('../pack/glyph-check')]).then(([build, glyphs]) => ({ ...build, ...glyphs })));

/** Loads the engine in the background (a failure surfaces at the first pack, not here). */
export function preloadPackEngine(): void {
  packEngine().catch(() => undefined);
}
