/** The agreements and the state of the truce. */
import type { Page } from 'playwright-core';

export class AgreementPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(id = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/agreements${id ? `/${id}` : ''}`);
    await this.page.locator('.agreement-title').waitFor();
  }

  partyRows(): ReturnType<Page['locator']> {
    return this.page.locator('.agreement table tbody tr');
  }
}

export class StatePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/state${query ? `?${query}` : ''}`);
    await this.loaded();
  }

  async loaded(): Promise<void> {
    await this.page.locator('[data-testid=kpi-violations]').waitFor();
  }

  violations(): Promise<string> {
    return this.page.locator('[data-testid=kpi-violations]').innerText();
  }

  /** The sentence that says which agreement and days every figure covers. */
  scope(): Promise<string> {
    return this.page.locator('[data-testid=state-scope]').innerText();
  }

  private agreementSelect(): ReturnType<Page['locator']> {
    return this.page.getByTestId('state-agreement');
  }

  /** The label of the chosen agreement. */
  async agreement(): Promise<string> {
    const value = await this.agreementSelect().inputValue();
    return this.agreementSelect().locator(`option[value="${value}"]`).innerText();
  }

  async agreementOptions(): Promise<string[]> {
    return this.agreementSelect().locator('option').allInnerTexts();
  }

  /** Chooses an agreement by its label and waits for the figures to follow. */
  async chooseAgreement(label: string): Promise<void> {
    const before = this.page.url();
    await this.agreementSelect().selectOption({ label });
    await this.page.waitForFunction(`location.href !== ${JSON.stringify(before)}`);
    await this.page.locator('[data-testid=state-scope]', { hasText: label }).waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** The Σ column of a breakdown panel (by its heading), as numbers. */
  async breakdownTotals(heading: string): Promise<number[]> {
    const panel = this.page.locator('section.panel', { has: this.page.locator('h2', { hasText: heading }) });
    return (await panel.locator('tbody td.num').allInnerTexts()).map(digits);
  }

  /** The counts of the verdict legend. */
  async verdictCounts(): Promise<number[]> {
    return (await this.page.locator('[data-testid=kpi-verdicts] strong').allInnerTexts()).map(digits);
  }

  /** The calm strip's days: date and state (calm, not_calm, not_in_force). */
  async calmStrip(): Promise<{ date: string; state: string }[]> {
    return this.page.locator('[data-testid=calm-strip] rect').evaluateAll((rects) =>
      rects.map((r) => ({
        date: r.getAttribute('data-date') ?? '',
        state: (r.getAttribute('class') ?? '').replace('calm-', ''),
      })),
    );
  }

  hasThreshold(): Promise<boolean> {
    return this.page
      .locator('.chart line.threshold')
      .count()
      .then((n) => n > 0);
  }
}

/** A number as the page writes it, in Latin or Arabic-Indic digits, with separators. */
export function digits(text: string): number {
  const latin = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return Number(latin.replace(/[^\d]/g, ''));
}
