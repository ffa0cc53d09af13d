/** The world's settings: the days of calm per agreement, the timezone, the host state. */
import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/settings`);
    await this.page.locator('[data-testid=calm-settings]').waitFor();
  }

  /** An agreement's row, by its title. */
  row(title: string): Locator {
    return this.page.locator('[data-testid=calm-settings] tbody tr', { hasText: title });
  }

  async setThreshold(title: string, n: number): Promise<void> {
    await this.row(title).locator('input[data-field=threshold]').fill(String(n));
  }

  /** Previews the change: what changes, sentence by sentence. */
  async preview(): Promise<string[]> {
    await this.page.locator('[data-testid=settings-form] button[type=submit]').click();
    const changes = this.page.locator('[data-testid=settings-changes] li');
    await changes.first().waitFor();
    return changes.allInnerTexts();
  }

  async save(): Promise<void> {
    await this.page.locator('[data-testid=settings-form] .form-actions .btn-primary').click();
    await this.page.locator('[data-testid=settings-saved]').waitFor();
  }
}
