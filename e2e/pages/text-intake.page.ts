/** From text: paste a text, read the drafts with their source words marked, confirm or drop one. */
import { setDateField } from './date-field.ts';
import type { Page } from 'playwright-core';

export class TextIntakePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/intake`);
    await this.page.locator('#intake-text').waitFor();
  }

  /** Pastes `text`, written on `day`, and waits for the drafts. */
  async draft(text: string, day: string): Promise<void> {
    await this.page.locator('#intake-text').fill(text);
    await setDateField(this.page, 'intake-date', day);
    await this.page.locator('.intake-form button[type=submit]').click();
    await this.page.locator('.intake-draft').waitFor();
  }

  tabs(): ReturnType<Page['locator']> {
    return this.page.locator('.intake-draft-tab');
  }

  /** The words marked in the source text, as "kind:words". */
  async marks(): Promise<string[]> {
    return this.page
      .locator('[data-testid=intake-source] mark')
      .evaluateAll((els) => els.map((e) => `${e.className.replace(/.*intake-mark-/, '')}:${e.textContent}`));
  }

  async place(): Promise<string> {
    return this.page.locator('[data-testid=intake-place]').innerText();
  }

  async confirm(): Promise<void> {
    await this.page.locator('.intake-draft button[type=submit]').click();
    await this.page.locator('.intake-draft .notice-success').waitFor();
  }
}
