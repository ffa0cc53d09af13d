/** Filing a report: the form, the map to place it, the errors next to the fields. */
import type { Page } from 'playwright-core';
import { setDateField } from './date-field.ts';

export class ReportPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/report`);
    await this.mapReady();
  }

  async mapReady(): Promise<void> {
    await this.page.locator('.map-report .maplibregl-canvas').waitFor();
    await this.page.locator('.map-report .map-label').first().waitFor();
  }

  /** Clicks the map (fractions of its width and height) and waits for the coordinates to fill in. */
  async placeOnMap(fx: number, fy: number): Promise<{ lon: number; lat: number }> {
    // On a phone the map is below the form's first fields: bring it into view before clicking it.
    await this.page.locator('.map-report .maplibregl-canvas').scrollIntoViewIfNeeded();
    const box = (await this.page.locator('.map-report .maplibregl-canvas').boundingBox())!;
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await this.page.waitForFunction(`document.querySelector('#r-lon').value !== ''`);
    return {
      lon: Number(await this.page.locator('#r-lon').inputValue()),
      lat: Number(await this.page.locator('#r-lat').inputValue()),
    };
  }

  async fill(
    fields: Partial<
      Record<'claimedAt' | 'narrative' | 'casualtiesLow' | 'casualtiesBest' | 'casualtiesHigh' | 'lat' | 'lon', string>
    >,
  ): Promise<void> {
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'claimedAt') await setDateField(this.page, 'r-claimedAt', v);
      else await this.page.locator(`#r-${k}`).fill(v);
    }
  }

  async choose(
    fields: Partial<Record<'act' | 'perpetrator' | 'targetKind' | 'targetCivilian' | 'classification', string>>,
  ): Promise<void> {
    for (const [k, v] of Object.entries(fields)) await this.page.locator(`#r-${k}`).selectOption(v);
  }

  async submit(): Promise<void> {
    await this.page.locator('.form-actions button[type=submit]').click();
  }

  /** The error shown next to a field, or null. */
  async errorOf(field: string): Promise<string | null> {
    const el = this.page.locator(`#r-${field}-error`);
    return (await el.count()) > 0 ? el.innerText() : null;
  }

  /** The id of the report just filed, from the link to its page (the confirmation itself names no id). */
  async filedId(): Promise<string> {
    const href = await this.page.locator('[data-testid=report-filed] a[href^="/reports/"]').getAttribute('href');
    return decodeURIComponent(href!.replace('/reports/', ''));
  }

  async filedText(): Promise<string> {
    await this.page.locator('[data-testid=report-filed]').waitFor();
    return this.page.locator('[data-testid=report-filed]').innerText();
  }
}
