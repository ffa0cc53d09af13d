/** The analysts' inbox: the reports waiting, the one being worked on, its suggestions and actions. */
import type { Page } from 'playwright-core';
import { digits } from './incidents.page.ts';

export class InboxPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/inbox${query ? `?${query}` : ''}`);
    await this.loaded();
  }

  async loaded(): Promise<void> {
    await this.page.waitForFunction(
      `(() => { const h = document.querySelector('[data-testid=inbox-count]'); return h && /[0-9\u0660-\u0669]/.test(h.textContent); })()`,
    );
    await this.page.waitForFunction(`document.querySelector('.inbox-list')?.getAttribute('aria-busy') === 'false'`);
  }

  /** The number in "N reports waiting". */
  async count(): Promise<number> {
    return digits(await this.page.locator('[data-testid=inbox-count]').innerText());
  }

  items(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=inbox-items] .inbox-item');
  }

  /** Chooses the report whose narrative holds `text`, and waits for its suggestions. */
  async choose(text: string): Promise<void> {
    await this.items().filter({ hasText: text }).first().click();
    await this.page.locator('.inbox-item.selected', { hasText: text }).waitFor();
    await this.desk().waitFor();
    await this.page.waitForFunction(
      `document.querySelector('[data-testid=report-desk] [data-testid=suggestions]') && !document.querySelector('[data-testid=report-desk] .loading')`,
    );
  }

  desk(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=report-desk]');
  }

  suggestions(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=suggestions] .suggestion');
  }

  /** The words that say why the first suggestion matches. */
  reasons(n = 0): Promise<string[]> {
    return this.suggestions().nth(n).locator('.reason').allInnerTexts();
  }

  done(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=inbox-done]');
  }

  /** Presses a key with the focus on the page itself (not in a field). */
  async press(key: string): Promise<void> {
    await this.page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    await this.page.keyboard.press(key);
  }
}
