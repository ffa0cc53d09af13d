/** From text: paste a text, read the drafts with their source words marked, confirm or drop one. */
import { setDateField } from './date-field.ts';
import type { Page } from 'playwright-core';

/** Without the bidirectional marks Intl puts in Arabic figures ("٥٠٪" is written with an Arabic letter mark). */
const withoutMarks = (s: string) => s.replace(/[\u061c\u200e\u200f]/g, '');

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

  /** The texts received, as listed (the box shown). */
  received(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=received-text]');
  }

  /** Opens the text listed under `title` and waits for its drafts. */
  async openReceived(title: string): Promise<void> {
    await this.received().getByRole('link', { name: title }).click();
    await this.page.locator('.intake-draft').waitFor();
  }

  async box(name: string): Promise<void> {
    await this.page.locator('.intake-received').getByRole('tab', { name }).click();
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

  /** The sentence of the share accepted unchanged (after the confirmations counted so far). */
  async unchanged(expected: RegExp): Promise<string> {
    const line = this.page.locator('[data-testid=corrections-unchanged]');
    await line.filter({ hasText: expected }).waitFor();
    return withoutMarks(await line.innerText());
  }

  /** How often a field was corrected, as its row reads. */
  async corrected(field: string): Promise<string> {
    return withoutMarks(await this.page.locator(`[data-testid=corrections] tr[data-field=${field}] td`).innerText());
  }

  /** Opens the report the draft just confirmed became. */
  async openFiled(): Promise<void> {
    await this.page.locator('.intake-draft .notice-success a').click();
    await this.page.locator('.filed-report-page h1').waitFor();
  }
}

/** A filed report's page: the text it was confirmed from, when the reader may see it. */
export class ReportSourceCard {
  constructor(readonly page: Page) {}

  card(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=report-source]');
  }

  async readWhole(): Promise<string> {
    await this.card().locator('summary').click();
    const text = this.page.locator('[data-testid=report-source-text]');
    await text.waitFor();
    return text.innerText();
  }

  async marked(): Promise<string> {
    return this.page.locator('[data-testid=report-source-text] mark').innerText();
  }
}
