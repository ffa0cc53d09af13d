/** Your account: who you are, the email you ask for, your API tokens. */
import type { Locator, Page } from 'playwright-core';

export class AccountPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/account`);
    await this.email().waitFor();
  }

  /** The email settings' form. */
  email(): Locator {
    return this.page.locator('[data-testid=email-settings]');
  }

  /** What it says of this server's email: sent or not. */
  delivery(): Promise<string> {
    return this.email().locator('[data-testid=email-delivery]').innerText();
  }

  async fillEmail(options: { address?: string; language?: 'en' | 'ar'; kinds?: string[] }): Promise<void> {
    const form = this.email();
    if (options.address !== undefined) await form.locator('#email-address').fill(options.address);
    if (options.language) await form.locator('#email-language').selectOption(options.language);
    if (options.kinds)
      for (const box of await form.locator('input[name=kinds]').all())
        await box.setChecked(options.kinds.includes((await box.getAttribute('value')) ?? ''));
  }

  async saveEmail(): Promise<void> {
    await this.email().locator('button[type=submit]').click();
  }

  /** The kinds of email checked, as the API names them. */
  async kindsChecked(): Promise<string[]> {
    const out: string[] = [];
    for (const box of await this.email().locator('input[name=kinds]').all())
      if (await box.isChecked()) out.push((await box.getAttribute('value')) ?? '');
    return out;
  }
}
