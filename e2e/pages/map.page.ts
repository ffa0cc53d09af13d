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

  /**
   * Clicks a cluster and waits for its card. The clusters are drawn again as a day's data arrive,
   * so a cluster gone before the click is looked for and clicked again.
   */
  async clickCluster(): Promise<void> {
    await this.page.locator('.cluster-count').first().waitFor();
    for (let attempt = 0; attempt < 10; attempt++) {
      const box = await this.page.locator('.cluster-count').first().boundingBox();
      if (box) {
        await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const opened = await this.card()
          .waitFor({ timeout: 2_000 })
          .then(
            () => true,
            () => false,
          );
        if (opened) return;
      } else await this.page.waitForTimeout(300);
    }
    throw new Error('no cluster could be clicked: the map kept drawing them again');
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
