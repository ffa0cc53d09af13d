/** Your webhooks, on the account page: the form that makes one, the list, and one's delivery log. */
import type { Locator, Page } from 'playwright-core';

export class WebhooksSection {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/account`);
    await this.form().waitFor();
  }

  form(): Locator {
    return this.page.locator('[data-testid=new-webhook]');
  }

  /** Fills the form (new incidents everywhere, unless other events are ticked) and submits it. */
  async create(name: string, url: string, events: string[] = []): Promise<void> {
    const form = this.form();
    await form.locator('#wh-name').fill(name);
    await form.locator('#wh-url').fill(url);
    for (const e of events) await form.locator('label.check', { hasText: e }).locator('input').check();
    await form.locator('button[type=submit]').click();
  }

  /** The error shown next to a field of the form (its id without `wh-`). */
  fieldError(field: string): Locator {
    return this.form().locator(`#wh-${field}-error`);
  }

  /** The secret shown once, after a webhook is made. */
  async secret(): Promise<{ text: string; secret: string }> {
    const shown = this.page.locator('[data-testid=webhook-secret]');
    await shown.waitFor();
    return { text: await shown.innerText(), secret: await shown.locator('input').inputValue() };
  }

  list(): Locator {
    return this.page.locator('[data-testid=webhooks]');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid=webhooks] tr[data-webhook="${name}"]`);
  }

  /** Opens a webhook's delivery log. */
  async openLog(name: string): Promise<Locator> {
    await this.row(name)
      .locator('button', { hasText: /Deliveries|الإرسالات/ })
      .click();
    const log = this.page.locator('[data-testid=webhook-log]');
    await log.waitFor();
    return log;
  }
}
