/**
 * Reports from text end to end, in Debian's Chromium: an analyst pastes a news article, reads the
 * drafts with the words each field came from marked in the text, corrects nothing, confirms the
 * first and finds the report in the inbox. In Arabic on a phone: the drafts of an Arabic text,
 * right to left, nothing wider than the screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { InboxPage } from './pages/inbox.page.ts';
import { AppShell } from './pages/shell.ts';
import { TextIntakePage } from './pages/text-intake.page.ts';
import { e2eSessions, PHONE } from './sessions.ts';

const ARTICLE =
  'Russian warplanes struck a market in Maarat al-Numan on Tuesday, killing at least 12 civilians and wounding 30. ' +
  'Witnesses said the dead included four children.\n\n' +
  'Separately, rebels shelled the government-held Hamdaniyah district of Aleppo yesterday, killing two people.';
const ARABIC =
  'قُتل خمسة مدنيين يوم الثلاثاء في غارات للطيران الروسي على مدينة إدلب.\n\n' +
  'وقصفت قوات النظام بلدة دوما بريف دمشق أمس، ما أسفر عن مقتل ما لا يقل عن ١٢ شخصا.';

describe.skipIf(!hasChromium())('reports from text in Chromium', { timeout: 120_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, close } = e2eSessions(
    () => world,
    () => browser,
  );

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await world?.close();
  });

  it('pastes an article, confirms a draft and finds the report in the inbox', async () => {
    const page = await session('us-analyst');
    const intake = new TextIntakePage(page, world.baseUrl);
    await intake.goto();
    await intake.draft(ARTICLE, '2016-07-07');
    expect(await intake.tabs().count()).toBe(2);
    const marks = await intake.marks();
    expect(marks).toEqual(
      expect.arrayContaining([
        'date:on Tuesday',
        'place:Maarat al-Numan',
        'actor:Russian warplanes',
        'casualties:killing at least 12',
      ]),
    );
    expect(await intake.place()).toContain('Ma`arrat an Nu`man');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '90-text-intake-en-1440', { fullPage: true });
    await intake.confirm();

    const inbox = new InboxPage(page, world.baseUrl);
    await inbox.goto();
    await inbox.items().filter({ hasText: 'Maarat al-Numan' }).first().waitFor();
  });

  it('reads an Arabic text right to left on a phone, nothing wider than the screen', async () => {
    const page = await session('us-analyst', PHONE, 'ar');
    const intake = new TextIntakePage(page, world.baseUrl);
    await intake.goto();
    await intake.draft(ARABIC, '2016-07-07');
    expect(await intake.tabs().count()).toBe(2);
    expect(await intake.marks()).toEqual(expect.arrayContaining(['place:إدلب', 'actor:للطيران الروسي']));
    const shell = new AppShell(page);
    expect(await shell.direction()).toBe('rtl');
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    await screenshot(page, '91-text-intake-ar-390', { fullPage: true });
  });
});
