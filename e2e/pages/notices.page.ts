/** The operation notices page (/notices) and the alerts on the notifications and positions pages. */
import type { Page } from 'playwright-core';

export class NoticesPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/notices`);
    await this.page.locator('.notices-page h1').waitFor();
  }

  async tab(name: string): Promise<void> {
    await this.page.locator('.notices-page [role=tab]', { hasText: name }).click();
  }

  /** Declares an operation at a point with a radius; the window and the rest as the form offers them. */
  async declare(at: { lat: number; lon: number }, radiusM: number): Promise<void> {
    await this.page.locator('.notices-page .page-header .btn-primary').click();
    await this.page.locator('#o-at-lat').fill(String(at.lat));
    await this.page.locator('#o-at-lon').fill(String(at.lon));
    await this.page.locator('#o-radius').fill(String(radiusM));
    await this.page.locator('form[aria-label] button[type=submit]').click();
    await this.page.locator('form[aria-label] #o-at-lat').waitFor({ state: 'detached' });
  }

  /** The notices' cards as a person reads them. */
  notices(): Promise<string[]> {
    return this.page.locator('[data-testid=operation-notice]').allInnerTexts();
  }

  conflicts(): Promise<string[]> {
    return this.page.locator('[data-testid=notice-conflict]').allInnerTexts();
  }
}

/** The alerts of one's own places, on the notifications or the positions page. */
export async function alertsOn(page: Page, baseUrl: string, path: '/notifications' | '/positions'): Promise<string[]> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('[data-testid=notice-alerts] h2').waitFor();
  await page.locator('[data-testid=notice-alert]').first().waitFor();
  return page.locator('[data-testid=notice-alert]').allInnerTexts();
}
