/**
 * Reports from text end to end, in Debian's Chromium: an analyst pastes a news article, reads the
 * drafts with the words each field came from marked in the text, corrects nothing, confirms the
 * first and finds the report in the inbox. An email the mail server posts appears in the list of
 * texts received as it arrives, and is opened and confirmed. In Arabic on a phone: the drafts of an
 * Arabic text, right to left, the list of texts received, nothing wider than the screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { InboxPage } from './pages/inbox.page.ts';
import { AppShell } from './pages/shell.ts';
import { ReportSourceCard, TextIntakePage } from './pages/text-intake.page.ts';
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
  const { session, api, close } = e2eSessions(
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
    // Confirmed as proposed: counted as accepted unchanged, no field corrected.
    expect(await intake.unchanged(/^1 of 1 /)).toBe('1 of 1 confirmed drafts accepted unchanged (100%).');
    expect(await intake.corrected('casualties')).toBe('0 of 1 (0%)');
    await screenshot(page, '95-text-intake-corrections-en-1440', { fullPage: true });

    // The report's page shows its source: what it is, when, the passage, the whole text on demand.
    await intake.openFiled();
    const source = new ReportSourceCard(page);
    await source.card().waitFor();
    const card = await source.card().innerText();
    expect(card).toMatch(/^source text\n/i);
    expect(card).toContain('Russian warplanes struck a market in Maarat al-Numan on Tuesday');
    expect(card).toMatch(/Text · in English · written 7 Jul 2016 · taken in \d/);
    expect(card).toContain('The passage this report came from');
    expect(await source.readWhole()).toContain('Separately, rebels shelled');
    expect(await source.marked()).toMatch(/^Russian warplanes struck a market/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '92-report-source-en-1440', { fullPage: true });

    const inbox = new InboxPage(page, world.baseUrl);
    await inbox.goto();
    await inbox.items().filter({ hasText: 'Maarat al-Numan' }).first().waitFor();
  });

  it('lists an email the mail server posts as it arrives; opened and confirmed, it no longer waits', async () => {
    const page = await session('us-analyst');
    const intake = new TextIntakePage(page, world.baseUrl);
    await intake.goto();
    await intake.received().first().waitFor();
    const before = await intake.received().count();

    // The mailbox posts with an API token of an account of the organization (here the analyst's own: docs/text-intake.md).
    const { token } = (await api('us-analyst', 'POST', '/api/v1/auth/tokens', { name: 'mailbox' })) as unknown as {
      token: string;
    };
    const message = [
      'From: =?UTF-8?Q?Field_office_=C2=B7_Douma?= <douma@example.org>',
      'Subject: Shelling in Douma',
      'Date: Thu, 7 Jul 2016 09:00:00 +0300',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Government forces shelled Douma yesterday, killing five civilians.',
    ].join('\r\n');
    const posted = await world.app.inject({
      method: 'POST',
      url: '/api/v1/intake/mail',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
      payload: message,
    });
    expect(posted.statusCode, posted.body).toBe(201);

    // Live: listed first without a reload, by its subject and sender.
    const row = intake.received().filter({ hasText: 'Shelling in Douma' });
    await row.waitFor();
    expect(await intake.received().count()).toBe(before + 1);
    expect(await row.innerText()).toContain('By email from Field office · Douma <douma@example.org>');
    expect(await row.innerText()).toContain('1 to check');
    await intake.openReceived('Shelling in Douma');
    expect(await page.locator('.intake-result h2').innerText()).toBe('Shelling in Douma');
    expect(await intake.marks()).toEqual(expect.arrayContaining(['place:Douma', 'date:yesterday']));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '96-text-intake-mail-en-1440', { fullPage: true });
    await intake.confirm();
    // No longer waiting: gone from the default box, and "all checked" under All.
    await expect.poll(() => row.count()).toBe(0);
    await intake.box('All');
    await intake.received().filter({ hasText: 'All checked: 1 confirmed, 0 dropped' }).first().waitFor();
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
    // The texts received, in Arabic: the email (checked: under All) by its sender, those pasted by the organization.
    await intake.box('الكل');
    await intake.received().filter({ hasText: 'بالبريد من' }).waitFor();
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    const listed = await intake.received().allInnerTexts();
    expect(listed.join('\n')).toContain('بالبريد من Field office · Douma');
    expect(listed.join('\n')).toContain('لُصق · ');
    await page.locator('.intake-received h2').scrollIntoViewIfNeeded();
    await screenshot(page, '97-text-intake-received-ar-390');

    // Corrected before confirming (the highest count given): counted as a correction of the killed.
    await page.locator('#draft-0-high').fill('7');
    await intake.confirm();
    // Before it: the article's draft and the email's, both confirmed unchanged.
    expect(await intake.unchanged(/^قُبلت ٢ من ٣ /)).toBe('قُبلت ٢ من ٣ مسودة مؤكَّدة دون أي تغيير (٦٧٪).');
    expect(await intake.corrected('casualties')).toBe('١ من ٣ (٣٣٪)');
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    await screenshot(page, '93-text-intake-corrections-ar-390', { fullPage: true });

    await intake.openFiled();
    const source = new ReportSourceCard(page);
    await source.card().waitFor();
    const card = await source.card().innerText();
    expect(card).toContain('النص المصدر');
    expect(card).toContain('نص · بالعربية · كُتب في');
    expect(card).toContain('المقطع الذي أُخذ منه هذا البلاغ');
    expect(await source.readWhole()).toContain('وقصفت قوات النظام بلدة دوما');
    expect(await source.marked()).toMatch(/^قُتل خمسة مدنيين/);
    expect(await shell.overflowX()).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '94-report-source-ar-390', { fullPage: true });
  });
});
