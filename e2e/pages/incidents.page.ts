/** The incident list and its filters. */
import type { Page } from 'playwright-core';

/** The number in a text, whether its digits are Latin or Arabic-Indic (as Intl writes Arabic). */
export function digits(text: string): number {
  return Number(text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[^0-9]/g, ''));
}

export class IncidentsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/incidents${query ? `?${query}` : ''}`);
    await this.loaded();
  }

  async loaded(): Promise<void> {
    await this.page.waitForFunction(
      `(() => { const h = document.querySelector('[data-testid=incident-count]'); return h && /[0-9\u0660-\u0669]/.test(h.textContent); })()`,
    );
    await this.page.waitForFunction(`document.querySelector('.results')?.getAttribute('aria-busy') === 'false'`);
  }

  /** The number in "N incidents". */
  async count(): Promise<number> {
    return digits(await this.page.locator('[data-testid=incident-count]').innerText());
  }

  async filter(field: 'act' | 'verdict' | 'status' | 'actor' | 'area', value: string): Promise<void> {
    const before = this.page.url();
    await this.page.locator(`#f-${field}`).selectOption(value);
    await this.page.waitForFunction(`location.href !== ${JSON.stringify(before)}`);
    await this.loaded();
  }

  async search(text: string): Promise<void> {
    await this.page.locator('#f-q').fill(text);
    await this.page.waitForFunction(`new URLSearchParams(location.search).get('q') === ${JSON.stringify(text)}`);
    await this.loaded();
  }

  rows(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=incident-table] tbody tr');
  }

  verdictsShown(): Promise<string[]> {
    return this.page
      .locator('[data-testid=incident-table] tbody tr .badge[class*=verdict-]')
      .evaluateAll((els) => els.map((e) => e.className));
  }

  async openRow(n: number): Promise<void> {
    await this.rows().nth(n).locator('a').click();
    await this.page.locator('.incident-page').waitFor();
  }

  /** Opens the Export menu and returns its links, by format. */
  async openExport(): Promise<Record<string, string>> {
    await this.page.locator('[data-testid=export-menu] > summary').click();
    await this.page.locator('.export-menu-panel a').first().waitFor();
    const links = await this.page
      .locator('.export-menu-panel a')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-format')!, e.getAttribute('href')!]));
    return Object.fromEntries(links);
  }
}
