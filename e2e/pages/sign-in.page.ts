/** The sign-in page. */
import type { Page } from 'playwright-core';

export class SignInPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** `next`: the page to land on once signed in (the map by default). */
  async goto(next?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await this.page.locator('#username').waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(password);
    await this.page.locator('form button[type=submit]').click();
    // Attached, not visible: on a phone the navigation waits behind the menu button.
    await this.page.locator('nav .nav').waitFor({ state: 'attached' });
  }

  errorText(): Promise<string> {
    return this.page.locator('[role=alert]').innerText();
  }
}
