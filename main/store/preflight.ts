/**
 * What pre-flight remembers: the user's decision on each finding (accepted, or printed flagged "to check"), kept per
 * briefing in the settings table under 'preflight:<briefing id>' (no schema change needed), and the length budgets
 * of sections (briefing_sections.budget_words / budget_pages).
 */
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

export type Decision = 'accept' | 'flag';
const key = (briefingId: number) => `preflight:${briefingId}`;

export function preflightDecisions(db: ReadDb, briefingId: number): Record<string, Decision> {
  const r = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', key(briefingId));
  return r ? (JSON.parse(r.value) as Record<string, Decision>) : {};
}

export function setPreflightDecision(db: WriteDb, briefingId: number, findingKey: string, decision: Decision | null): void {
  const all = preflightDecisions(db, briefingId);
  if (decision) all[findingKey] = decision;
  else delete all[findingKey];
  run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key(briefingId), JSON.stringify(all));
}

export interface SectionBudget {
  sectionId: number;
  words: number | null;
  pages: number | null;
}

export function sectionBudgets(db: ReadDb, briefingId: number): Map<number, SectionBudget> {
  const rows = all<{ id: number; budget_words: number | null; budget_pages: number | null }>(db, 'SELECT id, budget_words, budget_pages FROM briefing_sections WHERE briefing_id = ?', briefingId);
  return new Map(rows.map((r) => [r.id, { sectionId: r.id, words: r.budget_words, pages: r.budget_pages }]));
}

export function setSectionBudget(db: WriteDb, sectionId: number, words: number | null, pages: number | null): void {
  run(db, 'UPDATE briefing_sections SET budget_words = ?, budget_pages = ? WHERE id = ?', words, pages, sectionId);
}
