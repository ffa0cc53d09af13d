/** An incident's post-incident review: how far around, the groups shown, one timeline. */
import type { Page } from 'playwright-core';

export class IncidentReviewPage {
  constructor(readonly page: Page) {}

  async loaded(): Promise<void> {
    await this.page.locator('.incident-review-page [data-testid=review-timeline] li').first().waitFor();
  }

  /** The entries' kinds (incident, site, operation, hotline, report, ...), in the order shown. */
  kinds(): Promise<string[]> {
    return this.page
      .locator('[data-testid=review-entry]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind') ?? ''));
  }

  entriesText(): Promise<string[]> {
    return this.page.locator('[data-testid=review-entry]').allInnerTexts();
  }

  around(): Promise<string> {
    return this.page.locator('[data-testid=review-around]').innerText();
  }

  async widen(km: number): Promise<void> {
    await this.page.locator('[data-testid=review-km]').selectOption(String(km));
    await this.page.waitForURL(new RegExp(`km=${km}`));
  }
}
