/** Helpers for the month calendar in e2e specs (language-independent: keyboard only). */
import type { Page } from '@playwright/test';

/** Moves the month calendar (PageDown/PageUp on the focused day) to the month of `start` ('YYYY-MM-DD…'). */
export async function showMonthOf(page: Page, start: string): Promise<void> {
  const now = new Date();
  const months = (Number(start.slice(0, 4)) - now.getFullYear()) * 12 + Number(start.slice(5, 7)) - 1 - now.getMonth();
  await page.locator('[role="gridcell"][tabindex="0"]').focus();
  for (let i = 0; i < Math.abs(months); i++) await page.keyboard.press(months > 0 ? 'PageDown' : 'PageUp');
}
