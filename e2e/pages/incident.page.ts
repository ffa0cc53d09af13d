/** One incident: facts, findings, accounts side by side, history. */
import type { Page } from 'playwright-core';

export class IncidentPage {
  constructor(readonly page: Page) {}

  async loaded(): Promise<void> {
    await this.page.locator('.incident-page h1').waitFor();
    await this.page.locator('#findings-title').waitFor();
  }

  title(): Promise<string> {
    return this.page.locator('.incident-page h1').innerText();
  }

  findingsText(): Promise<string> {
    return this.page.locator('section[aria-labelledby=findings-title]').innerText();
  }

  accounts(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=accounts] .account');
  }

  /** The panel "Struck within the buffer of a notified site", or null when the incident has none. */
  async struckPanel(): Promise<string | null> {
    const panel = this.page.locator('[data-testid=struck-sites]');
    return (await panel.count()) > 0 ? panel.innerText() : null;
  }

  async openReview(): Promise<void> {
    await this.page.locator('[data-testid=open-review]').click();
    await this.page.locator('.incident-review-page').waitFor();
  }

  hasReviewForm(): Promise<boolean> {
    return this.page.locator('form.review').isVisible();
  }
}
