/**
 * A convoy request run in the web app from request to delivery, in Debian's Chromium, as the people
 * who take each step would: OCHA's humanitarian drafts it (the page says which party the route needs)
 * and submits it; the Syrian foreign ministry's analyst finds it in its queue, on a phone and in
 * Arabic, and approves it with items taken out; the secretariat records the facilitation letter; the
 * humanitarian dispatches the convoy, records its arrival and the delivery line by line, with items
 * removed at a checkpoint. Each sees one action for each step it may take, and nothing else; someone
 * of another organization finds no such request. Every page in both languages, with no id shown,
 * nothing scrolling sideways on a phone, and no serious accessibility fault. The demo world's
 * convoys of 2016 are shown too: Daraya turned back on 12 May, and delivered without food on 1 June.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { type E2EWorld, PASSWORD, startE2EWorld } from './harness.ts';
import { LANDING } from './sessions.ts';
import { ConvoyRequestPage, ConvoysPage, fillDraft } from './pages/convoy.page.ts';
import { AppShell } from './pages/shell.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const NAME = 'Convoy to Qudsaya';

describe.skipIf(!hasChromium())('a convoy request from draft to delivery, in Chromium', { timeout: 240_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = demoIds();

  beforeAll(async () => {
    world = await startE2EWorld();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  // A page left open goes on drawing (live events, its map): each test's are closed when it ends.
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  });

  async function session(username: string, viewport = DESKTOP, lang: 'en' | 'ar' = 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'en-US' });
    contexts.push(context);
    await context.addInitScript(`localStorage.setItem('truce.lang', ${JSON.stringify(lang)})`);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${username}): ${e.message}`));
    const signIn = new SignInPage(page, world.baseUrl);
    await signIn.goto(LANDING);
    await signIn.signIn(username, PASSWORD);
    return page;
  }

  /** What a person reads, with no id, code or raw timestamp in it; nothing sideways on a phone; no serious axe fault. */
  async function checkPage(page: Page, what: string): Promise<void> {
    expect(leaks(await readableText(page), ids), what).toEqual([]);
    // What sticks out, named, when something does.
    const wide = (await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)
      .slice(-5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))`)) as string[];
    expect(await new AppShell(page).overflowX(), `${what}: scrolls sideways (${wide.join('; ')})`).toBeLessThanOrEqual(
      0,
    );
    expect(await seriousA11yViolations(page), what).toEqual([]);
  }

  it('runs from the organizer’s draft through the approver’s queue, the letter and the journey to the delivery', async () => {
    // OCHA drafts the request; the page says who must approve the route before it is submitted.
    const ocha = await session('ocha-humanitarian');
    const list = new ConvoysPage(ocha, world.baseUrl);
    await list.goto('mine');
    await ocha.locator('.page-header a', { hasText: 'New convoy request' }).click();
    await ocha.locator('.convoy-form').waitFor();
    await fillDraft(ocha, {
      name: NAME,
      start: ['33.513', '36.292'],
      destination: { name: 'Qudsaya', at: ['33.531', '36.236'] },
      from: `${NEXT_YEAR}-03-10T06:00`,
      to: `${NEXT_YEAR}-03-10T18:00`,
      lines: [
        { item: 'Food parcels', quantity: '500', unit: 'parcels', sector: 'food' },
        { item: 'Surgical kits', quantity: '20', unit: 'kits', sector: 'health' },
      ],
      beneficiaries: '3000',
    });
    await screenshot(ocha, 'convoy-01-draft-form', { fullPage: true });
    await ocha.locator('.convoy-form button[type=submit]').click();
    const request = new ConvoyRequestPage(ocha);
    await request.waitForState('draft');
    expect(await request.preview()).toContain('Syrian Arab Army and government forces');
    expect(await request.actions()).toEqual(['submit']);
    await checkPage(ocha, 'the draft');
    await request.take('submit');
    await request.waitForState('submitted');
    expect(await request.actions()).toEqual([]);
    const url = ocha.url();

    // Someone of another organization: no such request.
    const other = await session('reporter');
    await other.goto(url);
    await other.locator('h1', { hasText: 'No such convoy request' }).waitFor();

    // The foreign ministry's analyst, on a phone and in Arabic, finds it awaiting its decision and approves it without the surgical kits.
    const mofa = await session('mofa-analyst', PHONE, 'ar');
    const queue = new ConvoysPage(mofa, world.baseUrl);
    await queue.goto();
    await queue.rows().first().waitFor();
    expect(await queue.rows().count()).toBe(2); // the eastern Aleppo convoy of 2016 awaits the government too
    await screenshot(mofa, 'convoy-02-queue-ar-phone', { fullPage: true });
    await checkPage(mofa, 'the approver’s queue (Arabic, phone)');
    const decided = await queue.open(NAME);
    expect(await decided.actions()).toEqual(['decide']);
    const form = await decided.take('decide');
    await form.locator('input[name=decision][value=approve_with_conditions]').check();
    await form.locator('#decide-reason').fill('لا يُسمح بإدخال المواد الجراحية.');
    await form.locator('#decide-remove-1').fill('٢٠');
    await checkPage(mofa, 'the decision form (Arabic, phone)');
    await screenshot(mofa, 'convoy-03-decision-ar-phone', { fullPage: true });
    await form.locator('button[type=submit]').click();
    await decided.waitForState('partly_approved');
    expect(await decided.actions()).toEqual([]);

    // The secretariat records the facilitation letter.
    const secretariat = await session('analyst');
    await secretariat.goto(url);
    const lettered = new ConvoyRequestPage(secretariat);
    await lettered.waitForState('partly_approved');
    expect(await lettered.actions()).toEqual(['issue_letter']);
    const letter = await lettered.take('issue_letter');
    await letter.locator('#letter-reference').fill('FL-Qudsaya-1');
    await letter.locator('button[type=submit]').click();
    await lettered.waitForState('letter_issued');

    // The organizer dispatches the convoy, records its arrival and the delivery, line by line.
    await ocha.reload();
    await request.waitForState('letter_issued');
    expect(await request.actions()).toEqual(['dispatch']);
    const dispatch = await request.take('dispatch');
    await dispatch.locator('#dispatch-trucks').fill('6');
    await dispatch.locator('button[type=submit]').click();
    await request.waitForState('dispatched');
    expect(await request.actions()).toEqual(['arrive', 'turn_back', 'report_attack']);
    await (await request.take('arrive')).locator('button[type=submit]').click();
    await request.waitForState('arrived');
    expect(await request.actions()).toEqual(['report_attack', 'deliver']);
    const delivery = await request.take('deliver');
    await delivery.locator('#deliver-reached').fill('2800');
    // The surgical kits were taken out at the approval (none to deliver); fifty parcels were taken off at a checkpoint.
    expect(await delivery.locator('#deliver-1-delivered').inputValue()).toBe('0');
    await delivery.locator('#deliver-0-delivered').fill('450');
    await delivery.locator('#deliver-0-removed').fill('50');
    await delivery.locator('#deliver-0-by').selectOption('sy-gov');
    await delivery.locator('#deliver-0-why').fill('Taken off the trucks at the checkpoint');
    await checkPage(ocha, 'the delivery form');
    await delivery.locator('button[type=submit]').click();
    await request.waitForState('delivered');
    expect(await request.actions()).toEqual([]);
    expect(await request.removedText()).toEqual([
      expect.stringContaining('50 parcels, by Syrian Arab Army and government forces'),
      '—',
    ]);
    expect(await request.timelineSteps()).toEqual([
      'create',
      'submit',
      'decide',
      'issue_letter',
      'dispatch',
      'arrive',
      'deliver',
    ]);
    await screenshot(ocha, 'convoy-04-delivered', { fullPage: true });
    await checkPage(ocha, 'the delivered request');
    // In Arabic too.
    await new AppShell(ocha).language('ar');
    await request.waitForState('delivered');
    await checkPage(ocha, 'the delivered request (Arabic)');
  });

  it('shows the demo world’s Daraya convoys: turned back on 12 May with its access incident, delivered on 1 June without food', async () => {
    const page = await session('analyst', PHONE);
    const list = new ConvoysPage(page, world.baseUrl);
    await list.goto('all');
    const back = await list.open('Inter-agency convoy to Daraya (UN, ICRC, SARC)');
    expect(await back.state()).toBe('turned_back');
    expect(await page.locator('[data-testid=convoy-timeline]').innerText()).toContain('12 May 2016');
    await checkPage(page, 'the convoy turned back (phone)');
    await page.locator('[data-testid=convoy-timeline] a').click();
    await page
      .locator('[data-testid=access-category]', { hasText: 'Restriction of movement inside the country' })
      .waitFor();
    await screenshot(page, 'convoy-05-access-incident-phone', { fullPage: true });
    await list.goto('all');
    const june = await list.open('Convoy to Daraya: medical and nutrition supplies');
    expect(await june.state()).toBe('delivered');
    const cargo = await page.locator('[data-testid=convoy-cargo]').innerText();
    expect(cargo).toContain('Food parcels');
    expect(
      (await june.removedText()).some((t) => t.startsWith('30 kits, by Syrian Arab Army and government forces')),
    ).toBe(true);
    await checkPage(page, 'the convoy delivered without food (phone)');
    await new AppShell(page).language('ar');
    await june.waitForState('delivered');
    await screenshot(page, 'convoy-06-delivered-ar-phone', { fullPage: true });
    await checkPage(page, 'the convoy delivered without food (Arabic, phone)');
  });
});
