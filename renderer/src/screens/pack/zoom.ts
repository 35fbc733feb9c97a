/**
 * The preview's zoom: "auto" (fit the width, but never beyond 100 %, so a wide window does not blow the page up),
 * "fit width", or a fixed percentage from the usual steps of a PDF viewer.
 */

export type Zoom = { kind: 'auto' } | { kind: 'fit' } | { kind: 'percent'; value: number };

export const ZOOM_STEPS = [25, 33, 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400];
const MIN = ZOOM_STEPS[0]!;
const MAX = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

/** Percentage that makes a page `pageWidthCss` wide (at 100 %) fill `available` CSS pixels. */
export function fitPercent(available: number, pageWidthCss: number): number {
  if (pageWidthCss <= 0 || available <= 0) return 100;
  return Math.min(MAX, Math.max(MIN, (available / pageWidthCss) * 100));
}

/** The percentage a zoom comes to in a view `available` CSS pixels wide. */
export function zoomPercent(zoom: Zoom, available: number, pageWidthCss: number): number {
  if (zoom.kind === 'percent') return zoom.value;
  const fit = fitPercent(available, pageWidthCss);
  return zoom.kind === 'auto' ? Math.min(100, fit) : fit;
}

/** The next step up (+1) or down (-1) from the percentage shown now. */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > current + 0.5) ?? MAX;
  return [...ZOOM_STEPS].reverse().find((s) => s < current - 0.5) ?? MIN;
}

/** Which page (1-based) is "current": the last one whose top is above a line a third down the view. */
export function pageAt(tops: readonly number[], scrollTop: number, viewHeight: number): number {
  const line = scrollTop + viewHeight / 3;
  let n = 1;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) n = i + 1;
  return n;
}
