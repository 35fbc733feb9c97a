import { describe, expect, it } from 'vitest';
import { fitPercent, pageAt, stepZoom, zoomPercent } from './zoom';

describe('preview zoom', () => {
  it('fits the page width into the view, within 25–400 %', () => {
    expect(fitPercent(794, 794)).toBe(100);
    expect(fitPercent(397, 794)).toBe(50);
    expect(fitPercent(10, 794)).toBe(25);
    expect(fitPercent(100_000, 794)).toBe(400);
    expect(fitPercent(0, 794)).toBe(100);
  });
  it('auto fits the width but never enlarges past 100 %', () => {
    expect(zoomPercent({ kind: 'auto' }, 1200, 794)).toBe(100);
    expect(zoomPercent({ kind: 'auto' }, 397, 794)).toBe(50);
    expect(zoomPercent({ kind: 'fit' }, 1191, 794)).toBe(150);
    expect(zoomPercent({ kind: 'percent', value: 75 }, 1191, 794)).toBe(75);
  });
  it('steps from any percentage to the next usual step', () => {
    expect(stepZoom(100, 1)).toBe(110);
    expect(stepZoom(100, -1)).toBe(90);
    expect(stepZoom(87.3, 1)).toBe(90);
    expect(stepZoom(87.3, -1)).toBe(75);
    expect(stepZoom(400, 1)).toBe(400);
    expect(stepZoom(25, -1)).toBe(25);
  });
  it('takes as current the page crossing the upper third of the view', () => {
    const tops = [0, 1100, 2200, 3300];
    expect(pageAt(tops, 0, 900)).toBe(1);
    expect(pageAt(tops, 900, 900)).toBe(2);
    expect(pageAt(tops, 3300, 900)).toBe(4);
  });
});
