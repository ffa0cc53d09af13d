/** Drawing a zone on the map, and a zone's page: its control, a control entry, its judged changes. */
import type { Page } from 'playwright-core';
import { setDateField } from './date-field.ts';

export class ZoneDrawPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** A new zone, the map opening on `view` (lon,lat,zoom), ready to draw when terra-draw has started. */
  async gotoNew(view: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/zones/new?view=${view}`);
    await this.page.locator('[data-testid=zone-draw] .map-draw-wrap[data-ready=true]').waitFor();
  }

  /** Clicks a shape's points on the map's canvas (fractions of its width and height), then its first point to close it. */
  async drawShape(points: [number, number][]): Promise<void> {
    const box = (await this.page.locator('[data-testid=zone-draw] .maplibregl-canvas').boundingBox())!;
    for (const [fx, fy] of [...points, points[0]!]) {
      await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
      await this.page.waitForTimeout(150);
    }
  }

  shapes(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=zone-shapes] > li');
  }

  /** Previews the change, then saves it. */
  async previewAndSave(): Promise<void> {
    await this.page.locator('button', { hasText: 'Preview the change' }).click();
    await this.page.locator('[data-testid=change-impact]').waitFor();
    await this.page.locator('button', { hasText: 'Save and judge again' }).click();
  }
}

export class ZonePage {
  constructor(readonly page: Page) {}

  async loaded(): Promise<void> {
    await this.page.locator('.zone-page h1').waitFor();
  }

  control(): ReturnType<Page['locator']> {
    return this.page.locator('[data-testid=control] li');
  }

  /** Records who held the zone from `at` (YYYY-MM-DDTHH:mm, the truce's time), previewed then saved. */
  async recordControl(entry: { at: string; holder: string; source?: string; confidence?: string }): Promise<void> {
    const form = this.page.locator('[data-testid=control-change]');
    await setDateField(this.page, 'z-at', entry.at);
    await form.locator('#z-holder').selectOption(entry.holder);
    await form.locator('#z-source').fill(entry.source ?? '');
    await form.locator('#z-confidence').selectOption(entry.confidence ?? '');
    await form.locator('button', { hasText: 'Preview the change' }).click();
    await form.locator('[data-testid=change-impact]').waitFor();
    await form.locator('button', { hasText: 'Save and judge again' }).click();
    await form.locator('[data-testid=change-saved]').waitFor();
  }
}
