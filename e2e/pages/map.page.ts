/** The map page: waits until the incidents of the view have been drawn. */
import type { Page } from 'playwright-core';

export class MapPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/map${query ? `?${query}` : ''}`);
    await this.rendered();
  }

  /** The incident count of the view has arrived and the map has stopped moving. */
  async rendered(): Promise<void> {
    await this.page.locator('[data-testid=map-count]').waitFor();
    await this.page.locator('.maplibregl-canvas').waitFor();
    await this.page.locator('.map-label').first().waitFor();
    await this.page.waitForTimeout(600);
  }

  countText(): Promise<string> {
    return this.page.locator('[data-testid=map-count]').innerText();
  }

  dayText(): Promise<string> {
    return this.page.locator('[data-testid=map-day]').innerText();
  }

  async previousDay(): Promise<void> {
    await this.page.locator('.time-slider button').first().click();
  }

  /** Clicks the map at a point of the canvas (fractions of its width and height). */
  async clickAt(fx: number, fy: number): Promise<void> {
    const box = (await this.page.locator('.maplibregl-canvas').boundingBox())!;
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  }

  card(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=map-card]');
  }
}
