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

  hasReviewForm(): Promise<boolean> {
    return this.page.locator('form.review').isVisible();
  }
}
