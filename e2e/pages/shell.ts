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
    await this.page.locator(`.lang-switch button[lang=${lang}]`).click();
    await this.page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
  }

  direction(): Promise<string> {
    return this.page.evaluate('document.documentElement.dir') as Promise<string>;
  }

  async waitLive(): Promise<void> {
    await this.page.locator('[data-testid=live-state].on').waitFor();
  }

  toasts(): Promise<string[]> {
    return this.page.locator('[data-testid=live-toasts] .toast').allInnerTexts();
  }
}
