/** The negotiation room's pages: the rooms list, one room's dashboard, clauses and proposals. */
import type { Page } from 'playwright-core';

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
}
