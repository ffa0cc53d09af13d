/**
 * The analysts' desk end to end, in Debian's Chromium: the inbox of the demo world, a report
 * arriving live, linked to a suggested incident by a key; a new incident made from a report,
 * prefilled and edited; a report discarded with its reason and shown so on its page; a
 * report's source evaluated; a threshold of days of calm changed, previewed in words, and followed
 * by an open state page; a webhook made on the account page and its deliveries; in English and Arabic,
 * on a desktop and a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.ts';
import { AccountPage } from './pages/account.page.ts';
import { type E2EWorld, startE2EWorld } from './harness.ts';
import { IncidentPage } from './pages/incident.page.ts';
import { InboxPage } from './pages/inbox.page.ts';
import { AppShell } from './pages/shell.ts';
import { SettingsPage } from './pages/settings.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { DESKTOP as VIEWPORT, e2eSessions, PHONE } from './sessions.ts';
import { setDateField } from './pages/date-field.ts';
import { MapPage } from './pages/map.page.ts';
import { ZoneDrawPage, ZonePage } from './pages/zone.page.ts';
import { demoIds, leaks, readableText } from './pages/words.ts';
import { WebhooksSection } from './pages/webhooks.page.ts';
import { startReceiver } from '../test/webhook-receiver.ts';
import { dispatchWebhooks } from '../src/app/webhooks/dispatch.ts';
import { createHmac } from 'node:crypto';

describe.skipIf(!hasChromium())('the analysts desk in Chromium', { timeout: 120_000 }, () => {
  let world: E2EWorld;
  let browser: Browser;
  const { session, api, headers, track, close } = e2eSessions(
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

  it('shows the waiting reports, one arriving live, and links one to a suggested incident by its key', async () => {
    const page = await session('analyst');
    expect(await new AppShell(page).navLabels()).toContain('Inbox');
    const inbox = new InboxPage(page, world.baseUrl);
    await inbox.goto();
    // The demo world's al-Sakhour report waits; its duplicate, set aside, does not.
    await inbox.items().filter({ hasText: 'al-Sakhour' }).first().waitFor();
    expect(await inbox.items().filter({ hasText: 'Call from the Red Crescent' }).count()).toBe(0);
    const before = await inbox.count();

    await api('reporter', 'POST', '/api/v1/reports', {
      claimed_at: '2016-09-19T19:40:00+03:00',
      time_precision_s: 900,
      location: { lon: 36.931, lat: 36.155 },
      location_precision_m: 300,
      narrative: 'A second strike on the convoy while the wounded were carried out.',
      alleged_perpetrator: 'sy-gov',
      act: 'air_strike',
      classification: 'public',
    });
    await page.waitForFunction(
      `document.querySelector('[data-testid=inbox-items]')?.textContent.includes('A second strike on the convoy')`,
    );
    expect(await inbox.count()).toBe(before + 1);

    await inbox.choose('A second strike on the convoy');
    // Urum al-Kubra's two incidents, with why each matches.
    expect(await inbox.suggestions().count()).toBeGreaterThanOrEqual(2);
    const reasons = await inbox.reasons(0);
    expect(reasons.join(' · ')).toMatch(/% match · (same time|\d+ min apart) · \d+ m away · same act/);
    await screenshot(page, '50-inbox');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    const first = await inbox.suggestions().first().locator('.suggestion-title').innerText();
    await inbox.press('1');
    await inbox.done().waitFor();
    expect(await inbox.done().innerText()).toContain('Linked to the incident.');
    expect(await inbox.count()).toBe(before);
    await inbox.done().locator('a').click();
    const incident = new IncidentPage(page);
    await incident.loaded();
    expect(first).toContain('Air strike');
    await page.locator('[data-testid=accounts]', { hasText: 'A second strike on the convoy' }).waitFor();
  });

  it('makes a new incident from a report, prefilled and edited, with its source evaluated', async () => {
    const page = await session('analyst');
    const inbox = new InboxPage(page, world.baseUrl);
    await inbox.goto();
    await inbox.choose('al-Sakhour');
    const form = page.locator('[data-testid=evaluation-form]');
    expect(await form.locator('#e-source').inputValue()).toBe('SARC volunteer, eastern Aleppo');
    await form.locator('#e-reliability').selectOption('B');
    await form.locator('#e-credibility').selectOption('3');
    await form.locator('button[type=submit]').click();
    await form.locator('[role=status]').waitFor();
    await page.locator('[data-testid=evaluation]', { hasText: 'B: usually reliable · 3: possibly true' }).waitFor();

    await inbox.press('n');
    const dialog = page.locator('[data-testid=new-incident]');
    await dialog.waitFor();
    expect(await dialog.locator('#n-act').inputValue()).toBe('air_strike');
    expect(await dialog.locator('#n-place').inputValue()).not.toBe('');
    await dialog.locator('#n-headline').fill('Bombardment of al-Sakhour');
    await screenshot(page, '51-inbox-new-incident');
    await dialog.locator('button[type=submit]').click();
    await inbox.done().waitFor();
    expect(await inbox.done().innerText()).toContain('A new incident was made from the report.');
    await inbox.done().locator('a').click();
    await new IncidentPage(page).loaded();
    expect(await page.locator('h1').innerText()).toContain('Bombardment of al-Sakhour');
    await page.locator('[data-testid=accounts]', { hasText: 'SARC volunteer, eastern Aleppo' }).waitFor();
  });

  it('discards a report with its reason, kept and shown so on its page, and puts it back', async () => {
    const page = await session('analyst');
    await api('reporter', 'POST', '/api/v1/reports', {
      claimed_at: '2016-09-25T10:00:00+03:00',
      location: { lon: 37.16, lat: 36.2 },
      narrative: 'Test message, please ignore.',
      act: 'other',
      classification: 'public',
    });
    const inbox = new InboxPage(page, world.baseUrl);
    await inbox.goto();
    await inbox.choose('Test message, please ignore.');
    await inbox.press('x');
    const panel = page.locator('[data-testid=discard-panel]');
    await panel.locator('textarea').fill('A test from the field office');
    await panel.locator('button[type=submit]').click();
    await inbox.done().waitFor();
    // The list reloads after the action: the report leaves it then.
    await expect.poll(() => inbox.items().filter({ hasText: 'Test message, please ignore.' }).count()).toBe(0);

    const id = (
      await world.app.inject({
        method: 'GET',
        url: '/api/v1/reports?triage=discarded',
        headers: await headers('analyst'),
      })
    ).json<{ items: { id: string }[] }>().items[0]!.id;
    await page.goto(`${world.baseUrl}/reports/${id}`);
    const setAside = page.locator('[data-testid=set-aside]');
    await setAside.waitFor();
    expect(await setAside.innerText()).toContain('Discarded: A test from the field office');
    await setAside.locator('button').click();
    await page.locator('.filed-report-page', { hasText: 'Not yet part of an incident.' }).waitFor();
  });

  it('makes a webhook on the account page, its secret shown once, and shows its deliveries; in Arabic and on a phone', async () => {
    const receiver = await startReceiver();
    try {
      const page = await session('us-analyst');
      const hooks = new WebhooksSection(page, world.baseUrl);
      await hooks.goto();
      // A receiver on this host: refused, next to the field, while the server allows only public addresses.
      await hooks.create('Operations room', receiver.url);
      await hooks.fieldError('url').waitFor();
      expect(await hooks.fieldError('url').innerText()).toContain('loopback or private address');
      world.ctx.webhooks.allowPrivateTargets = true;
      await hooks.form().locator('button[type=submit]').click();
      const { text, secret } = await hooks.secret();
      expect(text).toContain('shown only this once');
      expect(secret).toMatch(/^whsec_/);
      await hooks.row('Operations room').waitFor();
      expect(await hooks.row('Operations room').innerText()).toContain('New incident');
      expect(await hooks.list().innerText()).not.toContain(secret.slice(6, 20));

      // A new incident is delivered, signed with that secret; the log names it by its headline.
      await api('us-analyst', 'POST', '/api/v1/incidents', {
        occurred_at: '2016-09-26T07:00:00+03:00',
        location: { lon: 36.72, lat: 35.93 },
        act: 'shelling',
        headline: 'Shelling of the Saraqib market',
        classification: 'public',
      });
      await dispatchWebhooks(world.ctx);
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      const signed = createHmac('sha256', secret).update(`${got!.headers['x-truce-timestamp']}.${got!.body}`);
      expect(got!.headers['x-truce-signature']).toBe(`sha256=${signed.digest('hex')}`);
      const log = await hooks.openLog('Operations room');
      await log.locator('tr', { hasText: 'Shelling of the Saraqib market' }).waitFor();
      const logged = await log.innerText();
      expect(logged).toContain('Delivered');
      expect(logged).toContain('answered 200');
      expect(leaks(await readableText(page), demoIds())).toEqual([]);
      const violations = await seriousA11yViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await screenshot(page, '60-account-webhooks', { fullPage: true });
      await hooks.row('Operations room').locator('button', { hasText: 'Pause' }).click();
      await hooks.row('Operations room').locator('.badge', { hasText: 'Paused' }).waitFor();

      for (const [lang, viewport] of [
        ['ar', PHONE],
        ['ar', VIEWPORT],
      ] as const) {
        const other = await session('us-analyst', viewport, lang);
        const section = new WebhooksSection(other, world.baseUrl);
        await section.goto();
        await section.row('Operations room').waitFor();
        await section.openLog('Operations room');
        expect(await new AppShell(other).overflowX(), `account in ${lang}, ${viewport.width} px`).toBeLessThanOrEqual(
          0,
        );
        if (lang === 'ar') {
          expect(await other.locator('#account-webhooks').innerText()).toBe('خطافات الويب');
          expect(await section.row('Operations room').innerText()).toContain('موقوف مؤقتًا');
          expect(await other.locator('[data-testid=webhook-log]').innerText()).toContain('سُلّم');
        }
        await screenshot(other, `61-webhooks-${lang}-${viewport.width}`, { fullPage: true });
      }
    } finally {
      world.ctx.webhooks.allowPrivateTargets = false;
      await receiver.close();
    }
  });

  it('works in Arabic, right to left, and on a phone, with nothing to scroll sideways and no ids shown', async () => {
    const ids = demoIds();
    await api('reporter', 'POST', '/api/v1/reports', {
      claimed_at: '2016-09-26T07:00:00+03:00',
      location: { lon: 36.72, lat: 35.93 },
      narrative: 'Shelling near the market of Saraqib.',
      act: 'shelling',
      classification: 'public',
    });
    for (const [lang, viewport] of [
      ['ar', VIEWPORT],
      ['ar', PHONE],
    ] as const) {
      const page = await session('analyst', viewport, lang);
      const inbox = new InboxPage(page, world.baseUrl);
      await inbox.goto();
      await inbox.choose('Saraqib');
      await page.waitForTimeout(300);
      expect(await new AppShell(page).overflowX(), `${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(leaks(await readableText(page), ids)).toEqual([]);
      if (lang === 'ar') {
        expect(await page.locator('h1').first().innerText()).toBe('صندوق الوارد');
        expect(await new AppShell(page).direction()).toBe('rtl');
      }
      await screenshot(page, `52-inbox-${lang}-${viewport.width}`, { fullPage: viewport === PHONE });
    }
  });

  it('rules on a finding needing review: pending until both co-chairs approve, then counted, in English and Arabic', async () => {
    const analyst = await headers('analyst');
    const finding = (
      await world.app.inject({
        method: 'GET',
        url: '/api/v1/findings?verdict=needs_review&kind=incident&limit=1',
        headers: analyst,
      })
    ).json<{ items: { subject_id: string; key: string }[] }>().items[0]!;
    const page = await session('analyst');
    await page.goto(`${world.baseUrl}/incidents/${finding.subject_id}`);
    const card = page.locator('[data-testid=finding]', { has: page.locator('.verdict-needs_review') }).first();
    await card.locator('button', { hasText: 'Propose a ruling' }).click();
    const form = card.locator('[data-testid=ruling-form]');
    await form.locator('select').first().selectOption('violation');
    await form.locator('textarea').fill('Two accounts agree on the shelling of a residential quarter.');
    await form.locator('button[type=submit]').click();
    const ruling = page.locator('[data-testid=ruling]').first();
    await ruling.waitFor();
    expect(await ruling.locator('.badge').first().innerText()).toBe('Waiting for approval');
    expect(await ruling.locator('[data-testid=approvals] li').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/not yet approved$/), expect.stringMatching(/not yet approved$/)]),
    );
    // Not a co-chair: nothing to approve here.
    expect(await ruling.locator('button', { hasText: 'Approve' }).count()).toBe(0);
    await screenshot(page, '53-ruling-pending', { fullPage: true });

    // One co-chair approves from its review queue: still pending.
    const us = await session('us-analyst');
    await us.goto(`${world.baseUrl}/review`);
    const awaiting = us.locator('[data-testid=awaiting] [data-testid=ruling]');
    await awaiting.first().waitFor();
    await awaiting.first().locator('button', { hasText: 'Approve' }).click();
    await us.locator('[data-testid=awaiting]', { hasText: 'No ruling waits for your organization.' }).waitFor();
    // The findings to review, oldest first, a page at a time, as far as the queue goes.
    const queued = us.locator('[data-testid=review-incidents] li');
    await queued.first().waitFor();
    const waiting = Number((await us.locator('[data-testid=review-count]').innerText()).replace(/\D/g, ''));
    expect(waiting).toBeGreaterThan(50);
    expect(await queued.count()).toBe(50);
    await us.locator('button.load-more').click();
    await expect.poll(() => queued.count()).toBe(Math.min(100, waiting));
    // Narrowed by act and governorate: fewer, each of that act.
    await us.selectOption('#rv-act', 'air_strike');
    await us.selectOption('#rv-area', 'SY02');
    await expect
      .poll(async () => Number((await us.locator('[data-testid=review-count]').innerText()).replace(/\D/g, '')))
      .toBeLessThan(waiting);
    await expect
      .poll(async () => (await queued.allInnerTexts()).every((text) => /^Air strike · .*Aleppo/.test(text)))
      .toBe(true);
    const state = await world.app.inject({
      method: 'GET',
      url: `/api/v1/incidents/${finding.subject_id}`,
      headers: analyst,
    });
    expect(
      state.json<{ findings: { key: string; ruling: unknown }[] }>().findings.find((f) => f.key === finding.key)!
        .ruling,
    ).toBeNull();

    // The other approves on the incident's page, in Arabic: in force, and the finding reads it.
    const ru = await session('ru-analyst', VIEWPORT, 'ar');
    await ru.goto(`${world.baseUrl}/incidents/${finding.subject_id}`);
    const rRuling = ru.locator('[data-testid=ruling]').first();
    await rRuling.locator('button.btn-primary').click();
    await rRuling.locator('.badge', { hasText: 'نافذ' }).waitFor();
    await ru.locator('[data-testid=ruled]').first().waitFor();
    expect(await ru.locator('[data-testid=ruled]').first().innerText()).toContain('بقرار');
    await screenshot(ru, '54-ruling-in-force-ar', { fullPage: true });
    await page.reload();
    await page.locator('[data-testid=ruled]', { hasText: 'Ruled: Violation, in force' }).waitFor();
  });

  it('lets an admin add a user in Arabic, who signs in with the password shown once, and verify the audit chain', async () => {
    const page = await session('admin', VIEWPORT, 'ar');
    await page.goto(`${world.baseUrl}/admin`);
    await page.locator('[data-testid=users]').waitFor();
    const form = page.locator('[data-testid=add-user]');
    await form.locator('#u-username').fill('field-officer');
    await form.locator('#u-name').fill('ضابط ميداني');
    await form.locator('#u-role').selectOption('reporter');
    await form.locator('button[type=submit]').click();
    const added = page.locator('[data-testid=added-user]');
    await added.waitFor();
    const password = /: (\S+)\. /.exec(await added.innerText())![1]!;
    await page.locator('[data-testid=users] tr[data-user=field-officer]').waitFor();
    expect(await page.locator('[data-testid=users] tr[data-user=field-officer]').innerText()).toContain('ضابط ميداني');
    await screenshot(page, '55-admin-ar', { fullPage: true });
    // The chain is checked beside the trail it guards.
    await page.locator('a[href="/audit"]', { hasText: 'سجل التدقيق' }).first().click();
    await page.locator('[data-testid=audit-trail]').waitFor();
    await page.locator('button', { hasText: 'تحقّق من السلسلة' }).click();
    expect(await page.locator('[data-testid=audit-verified]').innerText()).toContain('سليمة');
    await screenshot(page, '58-audit-trail-ar');

    const context = track(await browser.newContext({ viewport: PHONE }));
    const newcomer = await context.newPage();
    const signIn = new SignInPage(newcomer, world.baseUrl);
    await signIn.goto();
    await signIn.signIn('field-officer', password);
    await newcomer.locator('.user-name', { hasText: 'field-officer' }).waitFor({ state: 'attached' });
    // A reporter: no administration, no inbox.
    expect(await new AppShell(newcomer).navLabels()).not.toContain('Administration');
  });

  it('lets an admin say which party an organization decides for on convoy requests, in Arabic on a phone', async () => {
    const page = await session('admin', PHONE, 'ar');
    await page.goto(`${world.baseUrl}/admin`);
    const select = page.locator('#decides-ocha');
    await expect.poll(() => select.isEnabled()).toBe(true);
    expect(await page.locator('label[for=decides-ocha]').innerText()).toBe('تقرّر في طلبات القوافل باسم');
    // As the demo world has it: OCHA decides for the UN's own convoys, the foreign ministry for the government.
    expect(await select.locator('option:checked').innerText()).toBe('الأمم المتحدة (مكتب تنسيق الشؤون الإنسانية)');
    expect(await page.locator('#decides-sy-mofa').inputValue()).toBe('sy-gov');
    const un = await select.inputValue();
    const directory = async () =>
      (
        await world.app.inject({
          method: 'GET',
          url: '/api/v1/convoy-requests/representatives',
          headers: await headers('admin'),
        })
      ).json<{ org: string; actor: string }[]>();
    await select.selectOption('');
    await expect.poll(async () => (await directory()).some((r) => r.org === 'ocha')).toBe(false);
    expect(await select.locator('option:checked').innerText()).toBe('لا أحد من الأطراف');
    expect(await new AppShell(page).overflowX()).toBeLessThanOrEqual(0);
    await screenshot(page, '56-admin-decides-for-ar-phone', { fullPage: true });
    await select.selectOption(un);
    await expect.poll(directory).toContainEqual({ org: 'ocha', actor: un });
  });

  it('lets an admin create an API token, shown once, see it listed and revoke it; then read the trail by a user', async () => {
    const page = await session('admin');
    await page.goto(`${world.baseUrl}/map`);
    await page.locator('[data-testid=account-link]').click();
    const form = page.locator('[data-testid=new-token]');
    await form.locator('#t-name').fill('Nightly import');
    await form.locator('button[type=submit]').click();
    const shown = page.locator('[data-testid=token-secret]');
    await shown.waitFor();
    expect(await shown.innerText()).toContain('shown only this once');
    const secret = await shown.locator('input').inputValue();
    expect(secret).toMatch(/^truce_/);
    const row = page.locator('[data-testid=tokens] tr[data-token="Nightly import"]');
    await row.waitFor();
    // Listed by its name and date, never its secret; and the secret works until it is revoked.
    expect(await page.locator('[data-testid=tokens]').innerText()).not.toContain(secret.slice(6, 20));
    const asToken = () =>
      world.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${secret}` } });
    expect((await asToken()).json()).toMatchObject({ signed_in: true, username: 'admin' });
    await screenshot(page, '57-account-token', { fullPage: true });
    await row.locator('button', { hasText: 'Revoke' }).click();
    expect(await row.innerText()).toContain('Programs using it stop working at once');
    await row.locator('button', { hasText: 'Yes, revoke it' }).click();
    await row.locator('.badge', { hasText: 'Revoked' }).waitFor();
    expect((await asToken()).statusCode).toBe(401);

    // The trail, filtered by a user: the token's creation and revocation as sentences, newest first.
    await new AppShell(page).go('/audit');
    await page.locator('[data-testid=audit-trail]').waitFor();
    await page.locator('#a-user').fill('admin');
    await page.waitForFunction(`location.search === '?user=admin'`);
    const entries = page.locator('[data-testid=audit-trail] li');
    await entries.filter({ hasText: 'Nightly import' }).nth(1).waitFor();
    const lines = await entries.allInnerTexts();
    expect(lines[0]).toContain('Revoked · API token: Nightly import');
    expect(lines[1]).toContain('Created · API token: Nightly import');
    expect(lines.every((l) => /by .+, Office of the UN Special Envoy/.test(l))).toBe(true);
    expect(leaks(await readableText(page), demoIds())).toEqual([]);
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, '58-audit-trail', { fullPage: true });
    // The whole trail links each record a person may open to its page.
    await page.goto(`${world.baseUrl}/audit?kind=incident`);
    const link = page.locator('[data-testid=audit-trail] li a[href^="/incidents/"]').first();
    await link.waitFor();
    expect(leaks(await readableText(page), demoIds())).toEqual([]);

    // A phone and the desktop in Arabic (the wider words and the right-to-left layout): nothing scrolls sideways.
    for (const [lang, viewport] of [
      ['ar', PHONE],
      ['ar', VIEWPORT],
    ] as const) {
      const other = await session('admin', viewport, lang);
      for (const [name, path, shows] of [
        ['audit', '/audit?user=admin', '[data-testid=audit-trail]'],
        ['account', '/account', '[data-testid=tokens]'],
      ] as const) {
        await other.goto(`${world.baseUrl}${path}`);
        await other.locator(shows).waitFor();
        expect(await new AppShell(other).overflowX(), `${path} in ${lang}, ${viewport.width} px`).toBeLessThanOrEqual(
          0,
        );
        await screenshot(other, `59-${name}-${lang}-${viewport.width}`, { fullPage: true });
      }
    }
  });

  it('asks for email on the account page, saying plainly that this server sends none, in English and Arabic', async () => {
    const page = await session('us-analyst');
    const account = new AccountPage(page, world.baseUrl);
    await account.goto();
    expect(await account.delivery()).toContain('This server sends no email');
    // A bad address is refused next to its field, and nothing is saved.
    await account.fillEmail({ address: 'not an address', kinds: ['hotline.addressed', 'hotline.escalated'] });
    await account.saveEmail();
    const error = account.email().locator('#email-address-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('is not an email address');
    await account.fillEmail({ address: 'duty-officer@state.example.org', language: 'ar' });
    await account.saveEmail();
    await account.email().locator('[data-testid=email-saved]').waitFor();
    await page.reload();
    await account.email().waitFor();
    expect(await account.email().locator('#email-address').inputValue()).toBe('duty-officer@state.example.org');
    expect(await account.email().locator('#email-language').inputValue()).toBe('ar');
    expect(await account.kindsChecked()).toEqual(['hotline.addressed', 'hotline.escalated']);
    const saved = await world.app.inject({
      method: 'GET',
      url: '/api/v1/account/email',
      headers: await headers('us-analyst'),
    });
    expect(saved.json()).toEqual({
      delivery: false,
      address: 'duty-officer@state.example.org',
      language: 'ar',
      kinds: ['hotline.addressed', 'hotline.escalated'],
    });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, '60-account-email', { fullPage: true });
    // In Arabic, on a phone and on the desktop: the kinds named in Arabic, nothing scrolls sideways.
    for (const viewport of [PHONE, VIEWPORT]) {
      const other = await session('us-analyst', viewport, 'ar');
      const arabic = new AccountPage(other, world.baseUrl);
      await arabic.goto();
      expect(await arabic.delivery()).toContain('لا يرسل هذا الخادم أي بريد إلكتروني');
      expect(await arabic.email().innerText()).toContain('محادثات الخط الساخن المفتوحة مع منظمتي');
      expect(await new AppShell(other).overflowX(), `account in Arabic, ${viewport.width} px`).toBeLessThanOrEqual(0);
      await screenshot(other, `61-account-email-ar-${viewport.width}`, { fullPage: true });
    }
  });

  it('records a change of control and a party’s acceptance, each previewed (the findings it re-judges) before it is saved', async () => {
    const page = await session('analyst');
    await page.goto(`${world.baseUrl}/zones/z-palmyra`);
    const form = page.locator('[data-testid=control-change]');
    await form.waitFor();
    await setDateField(page, 'z-at', '2016-12-11T12:00');
    await form.locator('#z-holder').selectOption('isil');
    await form.locator('button', { hasText: 'Preview the change' }).click();
    const impact = form.locator('[data-testid=change-impact]');
    await impact.waitFor();
    expect(await impact.innerText()).toMatch(
      /^This change judges [\d,]+ findings again; [\d,]+ verdicts change\.$|^This change judges no finding again\.$/,
    );
    // Previewed, not saved: the control is as it was until the change is saved.
    const before = await page.locator('[data-testid=control] li').count();
    await page.reload();
    await page.locator('[data-testid=control]').waitFor();
    expect(await page.locator('[data-testid=control] li').count()).toBe(before);
    await setDateField(page, 'z-at', '2016-12-11T12:00');
    await form.locator('#z-holder').selectOption('isil');
    await form.locator('button', { hasText: 'Preview the change' }).click();
    await impact.waitFor();
    await form.locator('button', { hasText: 'Save and judge again' }).click();
    await form.locator('[data-testid=change-saved]').waitFor();
    await expect.poll(() => page.locator('[data-testid=control] li').count()).toBe(before + 1);
    expect(await page.locator('[data-testid=control] li').last().innerText()).toContain('Islamic State');
    await screenshot(page, '56-zone-control', { fullPage: true });

    await page.goto(`${world.baseUrl}/agreements/coh`);
    const party = page.locator('[data-testid=add-party]');
    await party.waitFor();
    await party.locator('#p-actor').selectOption('sdf');
    await setDateField(page, 'p-at', '2016-02-27T00:00');
    await party.locator('#p-channel').fill('Statement of the Syrian Democratic Forces');
    await party.locator('button', { hasText: 'Preview the change' }).click();
    await party.locator('[data-testid=change-impact]').waitFor();
    await party.locator('button', { hasText: 'Save and judge again' }).click();
    await party.locator('[data-testid=change-saved]').waitFor();
    await page.locator('.agreement', { hasText: 'Syrian Democratic Forces' }).first().waitFor();

    // The terms: arrests prohibited from now on, previewed then saved, and shown among the prohibited acts.
    const terms = page.locator('[data-testid=change-terms]');
    await terms.locator('label.check', { hasText: 'Arrest' }).locator('input').check();
    await terms.locator('button', { hasText: 'Preview the change' }).click();
    await terms.locator('[data-testid=change-impact]').waitFor();
    await terms.locator('button', { hasText: 'Save and judge again' }).click();
    await terms.locator('[data-testid=change-saved]').waitFor();
    await expect.poll(() => page.locator('.agreement').first().innerText()).toMatch(/Prohibited acts[\s\S]*Arrest/);
  });

  it('draws a new zone on the map, sees it there, and records who held it: a change of control judged, with its page', async () => {
    const page = await session('analyst');
    const draw = new ZoneDrawPage(page, world.baseUrl);
    // Al-Qaryatayn, in the desert south-east of Homs: no zone there in the demo world.
    await draw.gotoNew('37.2400,34.2300,11.0');
    await page.locator('#zd-name').fill('Al-Qaryatayn (drawn)');
    await draw.drawShape([
      [0.35, 0.35],
      [0.65, 0.35],
      [0.65, 0.65],
      [0.35, 0.65],
    ]);
    await expect.poll(() => draw.shapes().count()).toBe(1);
    expect(await draw.shapes().first().innerText()).toMatch(/Part 1[\s\S]*4 points/);
    // A hole in it, and a second part over its corner: named as a problem before anything is sent, then removed.
    await page.locator('.zone-draw-tools button', { hasText: 'Draw a hole' }).click();
    await draw.drawShape([
      [0.45, 0.45],
      [0.55, 0.45],
      [0.55, 0.55],
      [0.45, 0.55],
    ]);
    await expect.poll(() => draw.shapes().count()).toBe(2);
    expect(await draw.shapes().nth(1).innerText()).toContain('Hole 1 of part 1');
    await page.locator('.zone-draw-tools button', { hasText: 'Draw a part' }).click();
    await draw.drawShape([
      [0.6, 0.6],
      [0.75, 0.6],
      [0.75, 0.75],
      [0.6, 0.75],
    ]);
    await expect.poll(() => draw.shapes().count()).toBe(3);
    expect(await draw.shapes().nth(2).innerText()).toContain('Part 2 overlaps or touches part 1');
    expect(await page.locator('[data-testid=zone-ok]').count()).toBe(0);
    await screenshot(page, '58-zone-draw-problem', { fullPage: true });
    await draw.shapes().nth(2).locator('button', { hasText: 'Remove' }).click();
    await expect.poll(() => draw.shapes().count()).toBe(2);
    await page.locator('[data-testid=zone-ok]').waitFor();
    await screenshot(page, '58-zone-draw', { fullPage: true });
    expect(await seriousA11yViolations(page), '58-zone-draw').toEqual([]);
    await draw.previewAndSave();
    await page.waitForURL(/\/zones\/zone-[0-9a-f-]+$/);
    const zone = new ZonePage(page);
    await zone.loaded();
    expect(await page.locator('.zone-page h1').innerText()).toBe('Al-Qaryatayn (drawn)');
    const zoneUrl = page.url();

    // On the map, where it was drawn: a click in its middle (the incidents layer off) opens its card.
    await page.locator('.page-actions a', { hasText: 'Show on the map' }).click();
    const map = new MapPage(page, world.baseUrl);
    await map.rendered();
    await page.locator('.layer-toggles label', { hasText: 'Incidents' }).locator('input').uncheck();
    await map.clickAt(0.5, 0.5);
    await map.card().waitFor();
    expect(await map.card().innerText()).toContain('Al-Qaryatayn (drawn)');

    // Held by the southern factions from March, taken by the government in May: a change of control judged.
    await page.goto(zoneUrl);
    await zone.loaded();
    await zone.recordControl({ at: '2016-03-01T00:00', holder: 'fsa-south' });
    await expect.poll(() => zone.control().count()).toBe(1);
    await zone.recordControl({ at: '2016-05-01T00:00', holder: 'sy-gov', source: 'SANA', confidence: 'moderate' });
    await expect.poll(() => zone.control().count()).toBe(2);
    expect(await zone.control().last().innerText()).toMatch(
      /Syrian Arab Army[\s\S]*Source: SANA · Moderate confidence/,
    );
    expect(await page.locator('[data-testid=control-chart] .control-bar').count()).toBe(2);
    const judged = page.locator('.zone-page .finding a', { hasText: 'Open this change of control' });
    await judged.first().waitFor();
    await screenshot(page, '59-zone-timeline', { fullPage: true });
    expect(await seriousA11yViolations(page), '59-zone-timeline').toEqual([]);
    await judged.first().click();
    await page.locator('[data-testid=change-facts]').waitFor();
    expect(await page.locator('[data-testid=change-facts]').innerText()).toMatch(/SANA[\s\S]*Moderate confidence/);
    expect(await page.locator('[data-testid=change-finding]').count()).toBeGreaterThan(0);
    await screenshot(page, '60-change-of-control', { fullPage: true });
    expect(await seriousA11yViolations(page), '60-change-of-control').toEqual([]);
    await page.goto(`${world.baseUrl}/territory?actor=fsa-south`);
    await page.locator('[data-testid=territory-changes] li', { hasText: 'Al-Qaryatayn (drawn)' }).first().waitFor();
    await screenshot(page, '61-territory', { fullPage: true });
    expect(await seriousA11yViolations(page), '61-territory').toEqual([]);

    // In Arabic, on a phone and on a desktop: the pages fit the screen.
    for (const [viewport, device] of [
      [PHONE, 'phone'],
      [VIEWPORT, 'desktop'],
    ] as const) {
      const ar = await session('analyst', viewport, 'ar');
      for (const [path, ready, name] of [
        [new URL(zoneUrl).pathname, '[data-testid=control-chart]', 'zone'],
        [`${new URL(zoneUrl).pathname}/edit`, '.map-draw-wrap[data-ready=true]', 'zone-draw'],
        ['/territory', '[data-testid=territory-changes] li', 'territory'],
      ] as const) {
        await ar.goto(`${world.baseUrl}${path}`);
        await ar.locator(ready).first().waitFor();
        await ar.waitForTimeout(300);
        expect(await new AppShell(ar).overflowX(), `${name} is wider than the ${device}`).toBeLessThanOrEqual(0);
        await screenshot(ar, `62-${device}-ar-${name}`, { fullPage: true });
      }
    }
  });

  it('searches reports in Arabic, whatever the diacritics or the form of ta marbuta', async () => {
    await api('reporter', 'POST', '/api/v1/reports', {
      claimed_at: '2016-09-27T08:00:00+03:00',
      location: { lon: 36.63, lat: 35.93 },
      narrative: 'قَصْفٌ على مَدرَسةٍ في إدلب',
      act: 'shelling',
      classification: 'public',
    });
    const page = await session('analyst', VIEWPORT, 'ar');
    await page.goto(`${world.baseUrl}/search`);
    await page.locator('#search-q').fill('مدرسه ادلب');
    await page.locator('.search-form button[type=submit]').click();
    const found = page.locator('[data-testid=found-reports] li');
    await found.first().waitFor();
    expect(await found.first().innerText()).toContain('قَصْفٌ على مَدرَسةٍ في إدلب');
    await screenshot(page, '57-search-ar', { fullPage: true });
    await found.first().locator('a').click();
    await page.locator('.filed-report-page h1').waitFor();
  });

  it('splits an account out of an incident into an incident of its own', async () => {
    const page = await session('analyst');
    await page.goto(`${world.baseUrl}/incidents/${world.disputedIncident}`);
    const accounts = page.locator('[data-testid=accounts] .account');
    await accounts.first().waitFor();
    const before = await accounts.count();
    expect(before).toBeGreaterThan(1);
    await page.locator('.account-moves button', { hasText: 'Split into an incident of its own' }).last().click();
    await page.waitForURL((url) => !url.pathname.endsWith(world.disputedIncident));
    await page.locator('[data-testid=accounts] .account').first().waitFor();
    expect(await page.locator('[data-testid=accounts] .account').count()).toBe(1);
    await page.goto(`${world.baseUrl}/incidents/${world.disputedIncident}`);
    await page.locator('[data-testid=accounts] .account').first().waitFor();
    expect(await page.locator('[data-testid=accounts] .account').count()).toBe(before - 1);
  });

  it('merges the same event entered twice: the Urum al-Kubra strike as two inquiries left it', async () => {
    const page = await session('analyst');
    await page.goto(`${world.baseUrl}/incidents/i28-urum-convoy-boi`);
    const merge = page.locator('[data-testid=merge]');
    await merge.waitFor();
    const option = merge.locator('#merge-from option', { hasText: 'Air strike' }).first();
    await merge.locator('#merge-from').selectOption((await option.getAttribute('value'))!);
    await merge.locator('button', { hasText: 'Merge into this incident' }).click();
    await merge.locator('[role=status]').waitFor();
    const gone = await world.app.inject({
      method: 'GET',
      url: '/api/v1/incidents/i29-urum-convoy-coi',
      headers: await headers('analyst'),
    });
    expect(gone.statusCode).toBe(404);
  });

  it('changes an agreement’s threshold of calm, said in words before it is saved, and an open state page follows', async () => {
    const SEPT = 'Renewed cessation of hostilities';
    // The longest run of calm days: the figure's own text, before its "7 needed".
    const calmOf = async (page: Page) =>
      Number(await page.locator('[data-testid=kpi-calm]').evaluate((el) => el.firstChild?.textContent ?? ''));
    const state = await session('analyst');
    await state.goto(`${world.baseUrl}/state?from=2016-09-12&to=2016-09-20&agreement=coh-sept`);
    await state.locator('[data-testid=kpi-calm]').waitFor();
    const before = await calmOf(state);

    const page = await session('analyst');
    const settings = new SettingsPage(page, world.baseUrl);
    await settings.goto();
    expect(await new AppShell(page).navLabels()).toContain('Settings');
    expect(await settings.row(SEPT).locator('input[data-field=threshold]').inputValue()).toBe('2');
    // The arrangement was in force all day from the 13th to the 18th: six days. At most none a day breaks that run
    // (the 14th to the 16th had violations); any number a day makes all six calm.
    const threshold = before === 6 ? 0 : 1000;
    await settings.setThreshold(SEPT, threshold);
    const said = await settings.preview();
    expect(said[0]).toMatch(
      new RegExp(
        `^A day of ${SEPT} .* is calm with at most ${threshold.toLocaleString('en-GB')} violations \\(now 2\\)\\.$`,
      ),
    );
    const become = said.map((s) => /The days of calm for .* become (\d+) \(now (\d+)\)\./.exec(s)).find(Boolean);
    expect(become, said.join(' | ')).toBeTruthy();
    expect(Number(become![2])).toBe(before);
    const after = Number(become![1]);
    if (threshold === 0) expect(after).toBeLessThan(before);
    else expect(after).toBe(6);
    await screenshot(page, '58-settings-preview', { fullPage: true });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await settings.save();
    // The state page open elsewhere hears of the change and counts again.
    await expect.poll(() => calmOf(state), { timeout: 10_000 }).toBe(after);
    expect(await state.locator('[data-testid=kpi-calm]').innerText()).toMatch(/7 needed/);

    // In Arabic and on a phone: nothing scrolls sideways, no ids; an observer reads the settings, changes none.
    const ids = demoIds();
    for (const [user, lang, viewport] of [
      ['analyst', 'ar', VIEWPORT],
      ['analyst', 'ar', PHONE],
      ['observer', 'en', VIEWPORT],
    ] as const) {
      const p = await session(user, viewport, lang);
      await new SettingsPage(p, world.baseUrl).goto();
      expect(await new AppShell(p).overflowX(), `${lang} ${viewport.width}`).toBeLessThanOrEqual(0);
      expect(leaks(await readableText(p), ids)).toEqual([]);
      await screenshot(p, `59-settings-${user}-${lang}-${viewport.width}`, { fullPage: true });
      if (user === 'observer') {
        await p.locator('[data-testid=settings-read-only]').waitFor();
        expect(await p.locator('[data-testid=calm-settings] input').count()).toBe(0);
        expect(await new AppShell(p).navLabels()).not.toContain('Settings');
      }
    }
    // As it was, for the tests after this one.
    await api('analyst', 'PUT', '/api/v1/settings', {
      timezone: 'Asia/Damascus',
      host_state: 'sy-gov',
      calm: [{ agreement: 'coh-sept', threshold_per_day: 2, days_required: 7 }],
    });
  });

  it('is not offered to those who may not work reports', async () => {
    const page = await session('observer');
    await page.goto(`${world.baseUrl}/incidents`);
    await page.locator('nav .nav').waitFor({ state: 'attached' });
    expect(await new AppShell(page).navLabels()).not.toContain('Inbox');
    await page.goto(`${world.baseUrl}/inbox`);
    await page.locator('[data-testid=not-found]').waitFor();
  });
});
