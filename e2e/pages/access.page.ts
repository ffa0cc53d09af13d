/** Humanitarian access beyond a convoy: the besieged-areas dashboard, the local agreements' timeline, the access plan. */
import type { Page } from 'playwright-core';

export class BesiegedPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/besieged`);
    await this.page.locator('[data-testid=besieged-row]').first().waitFor();
  }

  areaNames(): Promise<string[]> {
    return this.page.locator('[data-testid=besieged-row] a').allInnerTexts();
  }

  async open(name: string): Promise<void> {
    await this.page.locator('[data-testid=besieged-row] a', { hasText: name }).click();
    await this.page.locator('.siege-page h1').waitFor();
  }
}

export class LocalAgreementsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/local-agreements`);
    await this.page.locator('[data-testid=local-agreement]').first().waitFor();
  }

  names(): Promise<string[]> {
    return this.page.locator('[data-testid=local-agreement] > a').allInnerTexts();
  }

  async open(name: string): Promise<void> {
    await this.page.locator('[data-testid=local-agreement] > a', { hasText: name }).click();
    await this.page.locator('[data-testid=agreement-timeline]').waitFor();
  }
}

export class AccessPlanPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(month: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/access-plan?month=${month}`);
    await this.page.locator('[data-testid=plan-month], [data-testid=plan-empty]').first().waitFor();
  }

  /** A location's figures by column (as written on the page). */
  async locationRow(name: string): Promise<Record<string, string>> {
    const row = this.page.locator('[data-testid=plan-location]', { hasText: name });
    const cells = await row
      .locator('td[data-col]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-col') ?? '', (td.textContent ?? '').trim()]));
    return Object.fromEntries(cells);
  }

  /** The CSV the download link gives, fetched with the page's session. */
  async csv(): Promise<string> {
    const href = await this.page.locator('[data-testid=plan-csv]').getAttribute('href');
    return (await this.page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`)) as string;
  }
}
