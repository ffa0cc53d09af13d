/**
 * Signed-in browser sessions and the test's own API calls, for the tests of one E2E world. Each
 * user signs in once, through the page for a browser and through the API for the test (the server
 * allows ten sign-ins a minute from one address); later sessions start from that sign-in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import type { E2EWorld } from './harness.ts';
import { PASSWORD } from './harness.ts';
import { SignInPage } from './pages/sign-in.page.ts';

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

type Viewport = { width: number; height: number };

/** Where a session lands once signed in: a page without a map. */
export const LANDING = '/account';

/**
 * `world` and `browser` are read when a session is asked for (the tests start them in `beforeAll`).
 * `close` closes every context opened, those `track`ed included; each test's are closed when it ends.
 */
export function e2eSessions(world: () => E2EWorld, browser: () => Browser) {
  const contexts: BrowserContext[] = [];
  const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();
  const apiHeaders = new Map<string, Record<string, string>>();

  /** A new browser context (its own cookies and storage) in the page's language, signed in as `username`. */
  async function session(username: string, viewport: Viewport = DESKTOP, lang: 'en' | 'ar' = 'en'): Promise<Page> {
    const state = signedIn.get(username);
    // bypassCSP: the tests' own scripts (axe-core, waits) run in the page; the app runs under the server's CSP all the same.
    const context = track(
      await browser().newContext({ viewport, bypassCSP: true, ...(state ? { storageState: state } : {}) }),
    );
    await context.addInitScript(`localStorage.setItem('truce.lang', ${JSON.stringify(lang)})`);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${username}): ${e.message}`));
    if (!state) {
      const signIn = new SignInPage(page, world().baseUrl);
      // Landing on the account page: the shell, without a map to draw (in software, the heaviest thing a page does here).
      await signIn.goto(LANDING);
      await signIn.signIn(username, PASSWORD);
      signedIn.set(username, await context.storageState());
    }
    return page;
  }

  /** The headers of `username`'s API session (cookie and CSRF token), for requests the test makes itself. */
  async function headers(username: string): Promise<Record<string, string>> {
    const known = apiHeaders.get(username);
    if (known) return known;
    const login = await world().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'truce_session')!;
    const h = {
      cookie: `truce_session=${cookie.value}`,
      'x-csrf-token': login.json<{ csrf_token: string }>().csrf_token,
    };
    apiHeaders.set(username, h);
    return h;
  }

  /** A write by `username` through the API (session cookie and CSRF token), which must succeed. */
  async function api(username: string, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) {
    const res = await world().app.inject({ method, url, payload, headers: await headers(username) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<{ id: string }>();
  }

  /** A context the test opened itself, closed with the others. */
  function track(context: BrowserContext): BrowserContext {
    contexts.push(context);
    return context;
  }

  async function close(): Promise<void> {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  }
  // A page left open goes on drawing (live events, its map): each test's are closed when it ends.
  afterEach(close);

  return { session, api, headers, track, close };
}
