/** The app's date field (day, month, year and maybe hour and minute selects), driven as a person would. */
import type { Page } from 'playwright-core';

/** Picks a value (YYYY-MM-DD or YYYY-MM-DDTHH:mm) in the date field with that id. */
export async function setDateField(page: Page, id: string, value: string): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`not a date: ${value}`);
  // Year and month first, so the day is offered (a month's days follow the month).
  await page.locator(`#${id}-year`).selectOption(String(Number(m[1])));
  await page.locator(`#${id}-month`).selectOption(String(Number(m[2])));
  await page.locator(`#${id}-day`).selectOption(String(Number(m[3])));
  if (m[4] !== undefined) {
    await page.locator(`#${id}-hour`).selectOption(String(Number(m[4])));
    await page.locator(`#${id}-minute`).selectOption(String(Number(m[5])));
  }
}

/** The value the field holds (empty while it is incomplete). */
export function dateFieldValue(page: Page, id: string): Promise<string | null> {
  return page.locator(`#${id}`).getAttribute('data-value');
}
