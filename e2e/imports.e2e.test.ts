/**
 * The import page in Chromium, in English and Arabic, on a desktop and a 390 px phone: a UCDP file
 * with bad rows refused whole with each row's line and column, an ACLED file checked (what it
 * would add, the protest left out), imported with its progress bar, and checked again (nothing
 * new: importing it twice changes nothing); a GeoJSON file of zones refused for a ring crossing
 * itself, named by feature and path (in Arabic too), then repaired when asked (split at the
 * crossing) and imported; a humanitarian offered protected sites only.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { ImportPage } from './pages/import.page.ts';
import { AppShell } from './pages/shell.ts';
import { DESKTOP, e2eSessions, PHONE } from './sessions.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const UCDP_WITH_BAD_ROWS = fixture('ucdp-sample.csv');
const ACLED = fixture('acled-sample.csv');
const ZONES_WITH_BOW_TIE = fixture('zones-bow-tie.geojson');

describe.skipIf(!hasChromium())('imports in the web app', { timeout: 180_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  const noSerious = async (page: Page, name: string) => {
    const violations = await seriousA11yViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  };

  it('refuses a file with bad rows by line, then checks and imports an ACLED file with a progress bar', async () => {
    const page = await session('analyst', DESKTOP);
    await new AppShell(page).go('/import');
    const imports = new ImportPage(page, world.baseUrl);
    await page.locator('[data-testid=import-form]').waitFor();

    await imports.choose(UCDP_WITH_BAD_ROWS, 'ucdp');
    expect(await imports.check()).toBe('refused');
    expect(await imports.rows()).toEqual([
      ['34', 'latitude'],
      ['39', 'date_start'],
    ]);
    expect(await imports.canImport()).toBe(false);
    await screenshot(page, '70-import-refused');
    await noSerious(page, 'import refused');

    await imports.choose(ACLED, 'acled');
    expect(await imports.check()).toBe('report');
    expect(await imports.counts()).toMatchObject({ 'Rows read': '5', 'New incidents': '4', 'Rows left out': '1' });
    expect(await imports.rows()).toEqual([['6', 'event_type']]);
    await screenshot(page, '71-import-dry-run');
    const bar = await imports.run();
    expect(bar).toEqual({ value: 4, max: 4 });
    expect(await imports.counts()).toMatchObject({ 'Incidents added': '4' });
    await screenshot(page, '72-import-done');
    await noSerious(page, 'import done');
  });

  it('in Arabic: the same file checked again adds nothing', async () => {
    // The page's language from the start: each of this test's pages loads in Arabic.
    const page = await session('analyst', DESKTOP, 'ar');
    const imports = new ImportPage(page, world.baseUrl);
    await imports.goto();
    expect(await new AppShell(page).direction()).toBe('rtl');
    await imports.choose(ACLED, 'acled');
    expect(await imports.check()).toBe('report');
    expect(await imports.counts()).toMatchObject({ 'حوادث جديدة': '٠', 'مخزنة من قبل، دون تغيير': '٤' });
    await screenshot(page, '73-import-ar');
    await noSerious(page, 'import (ar)');
    // A refused file's problems, row by row, in Arabic (the columns are the file's own names).
    await imports.choose(UCDP_WITH_BAD_ROWS, 'ucdp');
    expect(await imports.check()).toBe('refused');
    const said = await imports.messages();
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^يجب أن يكون بين .+ و.+، لا «\u2066123\u2069»$/);
    expect(said[1]).toBe('يجب أن يكون تاريخًا بصيغة YYYY-MM-DD، لا «\u20662016-02-30\u2069»');
    await screenshot(page, '73b-import-refused-ar');
  });

  it('GeoJSON zones: a ring crossing itself refused by its feature, repaired when asked, imported; refused in Arabic', async () => {
    const page = await session('analyst', DESKTOP);
    const imports = new ImportPage(page, world.baseUrl);
    await imports.goto();
    await imports.choose(ZONES_WITH_BOW_TIE, 'geojson_zones', 'task_force');
    expect(await imports.check()).toBe('refused');
    expect(await imports.rows()).toEqual([['1', 'features[1].geometry.coordinates[0]']]);
    expect((await imports.messages())[0]).toMatch(/^the ring crosses itself near 36\.0500° N, 37\.2500° E$/);
    expect(await imports.canImport()).toBe(false);
    await imports.repair(true);
    expect(await imports.check()).toBe('report');
    expect(await imports.repaired()).toEqual([['1', 'features[1].geometry.coordinates[0]']]);
    expect(await imports.records()).toEqual({ zones: ['2', '0', '0'] });
    await screenshot(page, '76-import-zones-repair');
    await noSerious(page, 'import zones (dry run)');
    expect(await imports.run()).toEqual({ value: 2, max: 2 });
    expect(await imports.records()).toEqual({ zones: ['2', '0', '0'] });
    // Again: nothing new.
    expect(await imports.check()).toBe('report');
    expect(await imports.records()).toEqual({ zones: ['0', '2', '0'] });

    const arabic = await session('analyst', PHONE, 'ar');
    const importsAr = new ImportPage(arabic, world.baseUrl);
    await importsAr.goto();
    await importsAr.choose(ZONES_WITH_BOW_TIE, 'geojson_zones');
    expect(await importsAr.check()).toBe('refused');
    expect(await importsAr.rows()).toEqual([['١', 'features[1].geometry.coordinates[0]']]);
    expect((await importsAr.messages())[0]).toMatch(/^الحلقة تتقاطع مع نفسها قرب /);
    expect(await new AppShell(arabic).overflowX()).toBe(0);
    await screenshot(arabic, '77-import-zones-refused-ar-phone');
    await noSerious(arabic, 'import zones refused (ar)');

    // A humanitarian may import protected sites only: the menu offers the page, the page that format alone.
    const humanitarian = await session('ocha-humanitarian', DESKTOP);
    await humanitarian.locator('nav a[href="/import"]').click();
    await humanitarian.locator('[data-testid=import-form]').waitFor();
    expect(
      await humanitarian.locator('#import-format option').evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).toEqual(['geojson_sites']);
  });

  it('on a 390 px phone, in both languages: nothing wider than the screen', async () => {
    const page = await session('analyst', PHONE);
    const imports = new ImportPage(page, world.baseUrl);
    const shell = new AppShell(page);
    await imports.goto();
    await imports.choose(UCDP_WITH_BAD_ROWS, 'ucdp');
    expect(await imports.check()).toBe('refused');
    await screenshot(page, '74-import-phone');
    expect(await shell.overflowX()).toBe(0);
    const arabic = await session('analyst', PHONE, 'ar');
    const importsAr = new ImportPage(arabic, world.baseUrl);
    await importsAr.goto();
    await importsAr.choose(ACLED, 'acled');
    expect(await importsAr.check()).toBe('report');
    expect(await new AppShell(arabic).overflowX()).toBe(0);
    await screenshot(arabic, '75-import-phone-ar');
  });
});
