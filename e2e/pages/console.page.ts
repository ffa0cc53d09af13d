/** The deconfliction console (/console): the day's map, what to acknowledge, the conflicts, the hotline. */
import type { Locator, Page } from 'playwright-core';

export type ConsolePanel = 'acknowledge' | 'conflicts' | 'hotline';

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the console (today, or the day given) and waits for the map to draw the day's shapes. */
  async goto(day?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/console${day ? `?day=${day}` : ''}`);
    await this.page.locator('.console-page h1').waitFor();
    await this.page.locator('[data-testid=console-map] .maplibregl-map[data-drawn]').waitFor();
  }

  /** How many features the map drew. */
  async drawn(): Promise<number> {
    return Number(await this.page.locator('[data-testid=console-map] .maplibregl-map').getAttribute('data-drawn'));
  }

  legend(): Promise<string> {
    return this.page.locator('[data-testid=console-legend]').innerText();
  }

  panel(name: ConsolePanel): Locator {
    return this.page.locator(`[data-testid=console-${name}]`);
  }

  /** On a phone the lists are tabs: shows one. */
  async show(name: string): Promise<void> {
    await this.page.locator('.console-tabs [role=tab]', { hasText: name }).click();
  }

  /** The items awaiting the organization's acknowledgement, as read. */
  toAcknowledge(): Promise<string[]> {
    return this.panel('acknowledge').locator('[data-testid=console-to-acknowledge]').allInnerTexts();
  }

  /** Acknowledges the item that says `text`, with its one button, and waits for it to leave the list. */
  async acknowledge(text: string): Promise<void> {
    const item = this.panel('acknowledge').locator('[data-testid=console-to-acknowledge]', { hasText: text });
    await item.locator('button').click();
    await item.waitFor({ state: 'detached' });
  }

  conflicts(): Promise<string[]> {
    return this.panel('conflicts').locator('[data-testid=console-conflict]').allInnerTexts();
  }

  threads(): Promise<string[]> {
    return this.panel('hotline').locator('[data-testid=console-threads] li').allInnerTexts();
  }
}
