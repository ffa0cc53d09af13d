/** The frame around every page: navigation, language, live notices. */
import type { Page } from 'playwright-core';

export class AppShell {
  constructor(readonly page: Page) {}

  navLabels(): Promise<string[]> {
    return this.page.locator('nav .nav-link').allInnerTexts();
  }

  async go(path: string): Promise<void> {
    await this.page.locator(`nav a[href="${path}"]`).click();
  }

  async language(lang: 'en' | 'ar'): Promise<void> {
    // On a phone the switch is in the menu.
    if (await this.menuButton().isVisible()) await this.openMenu();
    await this.page.locator(`.lang-switch button[lang=${lang}]`).click();
    await this.page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
  }

  direction(): Promise<string> {
    return this.page.evaluate('document.documentElement.dir') as Promise<string>;
  }

  async waitLive(): Promise<void> {
    await this.page.locator('[data-testid=live-state].on').waitFor();
  }

  menuButton(): ReturnType<Page['locator']> {
    return this.page.locator('.topbar .menu-button');
  }

  /** On a phone: opens the menu and waits for its links. */
  async openMenu(): Promise<void> {
    if ((await this.menuButton().getAttribute('aria-expanded')) !== 'true') await this.menuButton().click();
    await this.page.locator('#side-menu .nav').waitFor();
  }

  /** How much wider than the window the page is (0 when nothing scrolls sideways). */
  overflowX(): Promise<number> {
    return this.page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
  }

  toasts(): Promise<string[]> {
    return this.page.locator('[data-testid=live-toasts] .toast').allInnerTexts();
  }
}
