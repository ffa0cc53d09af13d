/** The negotiation room's pages: the rooms list, one room's dashboard, clauses, proposals and schedules. */
import type { Page } from 'playwright-core';
import { setDateField } from './date-field.ts';

export class NegotiationPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async gotoList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/negotiation`);
    await this.page.locator('h1').first().waitFor();
  }

  async openRoom(title: string): Promise<void> {
    await this.page.locator('[data-testid=rooms] a', { hasText: title }).click();
    await this.page.locator('[data-testid=room-dashboard]').waitFor();
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/negotiation/${encodeURIComponent(id)}`);
    await this.page.locator('[data-testid=room-dashboard]').waitFor();
  }

  clause(number: string) {
    return this.page.locator('[data-testid=room-clause]', {
      has: this.page.locator(`h2:text-matches("^${number}\\\\.")`),
    });
  }

  /** The dashboard's row of a clause, as text. */
  async dashboardRow(number: string): Promise<string> {
    return this.page.locator('[data-testid=room-dashboard] tbody tr', { hasText: `${number}.` }).innerText();
  }

  async editClause(number: string, text: string): Promise<void> {
    const clause = this.clause(number);
    await clause.getByRole('button', { name: 'Edit the clause' }).click();
    await clause.getByLabel('Text', { exact: true }).fill(text);
    await clause.getByRole('button', { name: 'Save as a new version' }).click();
    await clause.getByRole('button', { name: 'Edit the clause' }).waitFor();
  }

  async takePosition(number: string, stance: 'Agreed' | 'Open' | 'Sticking point', comment = ''): Promise<void> {
    const clause = this.clause(number);
    await clause.getByLabel("Your organization's position").selectOption({ label: stance });
    if (comment) await clause.getByLabel('Comment').fill(comment);
    await clause.getByRole('button', { name: 'Record the position' }).click();
  }

  /** The word-by-word difference between the clause's last two versions: the words added and removed. */
  async versionDiff(number: string): Promise<{ added: string[]; removed: string[] }> {
    const clause = this.clause(number);
    await clause.locator('details.version-diff summary').click();
    const diff = clause.locator('[data-testid=word-diff]');
    await diff.waitFor();
    return { added: await diff.locator('ins').allInnerTexts(), removed: await diff.locator('del').allInnerTexts() };
  }

  proposals() {
    return this.page.locator('[data-testid=proposal]');
  }

  schedules() {
    return this.page.locator('[data-testid=room-schedules]');
  }

  /** The schedules' first row of a party (by its name as the page reads it), as text. */
  async partyRow(name: string): Promise<string> {
    const row = this.schedules().locator('[data-testid=room-parties] tbody tr', { hasText: name }).first();
    await row.waitFor();
    return row.innerText();
  }

  /**
   * Records a party's acceptance through the room's form, as a person would: the party chosen by
   * its name, the date and time (YYYY-MM-DDTHH:mm, in the truce's timezone) in the page's date field.
   */
  async recordAcceptance(a: { party: string; at: string; channel: string; caveats: string[] }): Promise<void> {
    const form = this.page.locator('[data-testid=record-acceptance]');
    await form.locator('#acceptance-actor').selectOption({ label: a.party });
    await setDateField(this.page, 'acceptance-at', a.at);
    await form.locator('#acceptance-channel').fill(a.channel);
    await form.locator('#acceptance-caveats').fill(a.caveats.join('\n'));
    await form.locator('button[type=submit]').click();
    await form.locator('[role=status]').waitFor();
  }

  /** Chooses, for the next proposal, a scope of these governorates (by their names as the page reads them). */
  async chooseScope(governorates: string[]): Promise<void> {
    const terms = this.page.locator('details.proposal-terms');
    await terms.locator('summary').click();
    await terms.locator('input[name=proposal-scope]').nth(2).check();
    for (const name of governorates)
      await terms.locator('[data-testid=proposal-scope-areas] label', { hasText: new RegExp(`^${name}$`) }).click();
  }
}
