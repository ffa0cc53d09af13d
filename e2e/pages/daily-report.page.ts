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

  /**
   * Opens the drawing, clicks (or taps, on a touch screen) the corners of an area on its map's
   * canvas (fractions of its width and height), then the first again to close it.
   */
  async drawArea(points: [number, number][], touch = false): Promise<void> {
    await this.page.locator('[data-testid=report-draw]').click();
    const panel = this.page.locator('[data-testid=draw-area]');
    await panel.locator('.map-draw-wrap[data-ready=true]').waitFor();
    const canvas = panel.locator('.maplibregl-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    for (const [fx, fy] of [...points, points[0]!]) {
      const [x, y] = [box.x + box.width * fx, box.y + box.height * fy];
      if (touch) await this.page.touchscreen.tap(x, y);
      else await this.page.mouse.click(x, y);
      await this.page.waitForTimeout(200);
    }
  }

  drawPanel() {
    return this.page.locator('[data-testid=draw-area]');
  }

  /** Shows the report for the area drawn, and waits for the report to name it. */
  async applyArea(words: RegExp): Promise<void> {
    await this.page.locator('[data-testid=draw-area-apply]').click();
    await this.page.locator('[data-testid=report-area]', { hasText: words }).waitFor();
  }

  pdfHref(): Promise<string | null> {
    return this.page.locator('[data-testid=report-pdf]').getAttribute('href');
  }
}
