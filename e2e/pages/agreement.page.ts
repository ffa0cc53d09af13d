/** The agreements and the state of the truce. */
import type { Page } from 'playwright-core';

export class AgreementPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async goto(id = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/agreements${id ? `/${id}` : ''}`);
    await this.page.locator('.agreement-title').waitFor();
  }

  partyRows(): ReturnType<Page['locator']> {
    return this.page.locator('.agreement table tbody tr');
  }
}

export class StatePage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/state${query ? `?${query}` : ''}`);
    await this.page.locator('[data-testid=kpi-violations]').waitFor();
  }

  violations(): Promise<string> {
    return this.page.locator('[data-testid=kpi-violations]').innerText();
  }
}
