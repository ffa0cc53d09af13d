/** Convoy requests: the list (with its tabs), a request's page with its actions and step forms, the draft's form. */
import type { Locator, Page } from 'playwright-core';
import { setDateField } from './date-field.ts';

export class ConvoysPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(box?: 'awaiting' | 'mine' | 'all'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/convoys${box ? `?box=${box}` : ''}`);
    await this.page.locator('.convoys-page').waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=convoy-row]');
  }

  async open(name: string): Promise<ConvoyRequestPage> {
    await this.page.locator('[data-testid=convoy-row] a', { hasText: name }).click();
    const request = new ConvoyRequestPage(this.page);
    await request.waitFor();
    return request;
  }
}

export class ConvoyRequestPage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.locator('.convoy-page [data-testid=convoy-state]').waitFor();
  }

  state(): Promise<string | null> {
    return this.page.locator('.convoy-page .page-header [data-testid=convoy-state]').getAttribute('data-state');
  }

  async waitForState(state: string): Promise<void> {
    await this.page.locator(`.convoy-page .page-header [data-state=${state}]`).waitFor();
  }

  /** The steps offered, by their step names. */
  async actions(): Promise<string[]> {
    const buttons = this.page.locator('[data-testid=convoy-actions] button[data-step]');
    return Promise.all((await buttons.all()).map(async (b) => (await b.getAttribute('data-step'))!));
  }

  async take(step: string): Promise<Locator> {
    await this.page.locator(`[data-testid=convoy-actions] button[data-step=${step}]`).click();
    const form = this.page.locator(`form[data-form=${step}]`);
    if (step !== 'submit') await form.waitFor();
    return form;
  }

  async when(step: string, value: string): Promise<void> {
    await setDateField(this.page, `${step}-when`, value);
  }

  preview(): Promise<string> {
    return this.page.locator('[data-testid=convoy-preview]').innerText();
  }

  timelineSteps(): Promise<string[]> {
    return this.page
      .locator('[data-testid=convoy-timeline] li')
      .evaluateAll((l) => l.map((x) => x.getAttribute('data-step')!));
  }

  removedText(): Promise<string[]> {
    return this.page.locator('[data-testid=convoy-removed]').allInnerTexts();
  }
}

export interface DraftFields {
  name: string;
  start: [lat: string, lon: string];
  destination: { name: string; at: [lat: string, lon: string] };
  from: string;
  to: string;
  lines: { item: string; quantity: string; unit: string; sector: string }[];
  beneficiaries: string;
}

export async function fillDraft(page: Page, d: DraftFields): Promise<void> {
  await page.locator('#convoy-name').fill(d.name);
  await page.locator('#convoy-start-lat').fill(d.start[0]);
  await page.locator('#convoy-start-lon').fill(d.start[1]);
  await page.locator('#convoy-destination-0-name').fill(d.destination.name);
  await page.locator('#convoy-destination-0-lat').fill(d.destination.at[0]);
  await page.locator('#convoy-destination-0-lon').fill(d.destination.at[1]);
  await setDateField(page, 'convoy-from', d.from);
  await setDateField(page, 'convoy-to', d.to);
  for (const [i, l] of d.lines.entries()) {
    if (i > 0) await page.locator('.convoy-form button', { hasText: /Add a line|إضافة بند/ }).click();
    await page.locator(`#convoy-line-${i}-item`).fill(l.item);
    await page.locator(`#convoy-line-${i}-quantity`).fill(l.quantity);
    await page.locator(`#convoy-line-${i}-unit`).fill(l.unit);
    await page.locator(`#convoy-line-${i}-sector`).selectOption(l.sector);
  }
  await page.locator('#convoy-beneficiaries').fill(d.beneficiaries);
}
