/** The import page: a file, its format and classification, the dry run, the import and its progress bar. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/import`);
    await this.page.locator('[data-testid=import-form]').waitFor();
  }

  async choose(
    file: string,
    format: 'ucdp' | 'acled' | 'hxl' | 'geojson_zones' | 'geojson_sites' | 'bundle',
    classification = 'public',
  ): Promise<void> {
    await this.page.locator('#import-file').setInputFiles(file);
    await this.page.locator('#import-format').selectOption(format);
    await this.page.locator('#import-classification').selectOption(classification);
  }

  /** The dry run: waits for its report or its refusal. */
  async check(): Promise<'report' | 'refused'> {
    await this.page.locator('[data-testid=import-form] button[type=submit]').click();
    const report = this.page.locator('[data-testid=import-report]');
    const refused = this.page.locator('[data-testid=import-refused]');
    await report.or(refused).waitFor();
    return (await refused.isVisible()) ? 'refused' : 'report';
  }

  /** The lines and columns of the rows listed (bad rows, or rows with a remark). */
  async rows(): Promise<string[][]> {
    return this.page
      .locator('[data-testid=import-rows] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')),
      );
  }

  /** Ticks or clears "Repair what can be repaired" (GeoJSON). */
  async repair(on: boolean): Promise<void> {
    await this.page.locator('#import-repair').setChecked(on);
  }

  /** The features and paths the report says were (or would be) repaired. */
  async repaired(): Promise<string[][]> {
    return this.page
      .locator('[data-testid=import-repaired] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')),
      );
  }

  /** The records table of the report: kind → [new, unchanged, different]. */
  async records(): Promise<Record<string, string[]>> {
    return this.page
      .locator('[data-testid=import-records] tbody tr')
      .evaluateAll((trs) =>
        Object.fromEntries(
          trs.map((tr) => [
            tr.getAttribute('data-kind') ?? '',
            [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
          ]),
        ),
      );
  }

  /** What the rows' table says of each row (its third column). */
  async messages(): Promise<string[]> {
    return this.page
      .locator('[data-testid=import-rows] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''));
  }

  /** The counts of the report, by their label. */
  async counts(): Promise<Record<string, string>> {
    return this.page
      .locator('[data-testid=import-report] dl > div')
      .evaluateAll((divs) =>
        Object.fromEntries(divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])),
      );
  }

  canImport(): Promise<boolean> {
    return this.page.locator('[data-testid=import-run]').isEnabled();
  }

  /** The import: waits until the report says it is done; the progress bar's value and maximum. */
  async run(): Promise<{ value: number; max: number }> {
    await this.page.locator('[data-testid=import-run]').click();
    await this.page.locator('[data-testid=import-report].notice-success').waitFor();
    const bar = this.page.locator('[data-testid=import-progress] progress');
    return { value: Number(await bar.getAttribute('value')), max: Number(await bar.getAttribute('max')) };
  }
}
