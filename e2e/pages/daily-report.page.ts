/** The daily report's page (/report/daily): its choices and the report the server wrote. */
import type { Page } from 'playwright-core';

export class DailyReportPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/report/daily${query ? `?${query}` : ''}`);
    await this.report().waitFor();
  }

  report() {
    return this.page.locator('[data-testid=daily-report]');
  }

  title(): Promise<string> {
    return this.page.locator('[data-testid=report-title]').innerText();
  }

  area(): Promise<string> {
    return this.page.locator('[data-testid=report-area]').innerText();
  }

  summary(): Promise<string> {
    return this.page.locator('[data-testid=report-summary]').innerText();
  }

  edition(): Promise<string | null> {
    return this.page.locator('[data-edition]').getAttribute('data-edition');
  }

  /** Chooses a governorate by its name as the list shows it, and waits for its report. */
  async chooseArea(name: string): Promise<void> {
    await this.page.locator('[data-testid=report-area-choice]').selectOption({ label: name });
    await this.page.locator('[data-testid=report-area]', { hasText: name }).waitFor();
  }

  async chooseEdition(edition: 'public' | 'cleared'): Promise<void> {
    await this.page.locator('[data-testid=report-edition]').selectOption(edition);
    await this.page.locator(`[data-edition=${edition}]`).waitFor();
  }

  pdfHref(): Promise<string | null> {
    return this.page.locator('[data-testid=report-pdf]').getAttribute('href');
  }
}
