import { expect, type Page } from "@playwright/test";

export class HistoryPanel {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId("tab-history").click();
  }

  item(number: number) {
    return this.page.locator(`[data-testid="version-item"][data-version-number="${number}"]`);
  }

  /** The version brought forward (from the command palette), if any: it has a ring around it. */
  highlighted() {
    return this.page.locator('[data-testid="version-item"][data-highlighted="true"]');
  }

  async menu(
    number: number,
    action: "version-restore" | "version-compare-previous" | "version-compare-current" | "version-view",
  ) {
    await expect(this.item(number)).toBeVisible();
    await this.item(number).getByTestId("version-menu").click();
    await this.page.getByTestId(action).click();
  }

  async restore(number: number) {
    await this.menu(number, "version-restore");
    await this.page.getByTestId("confirm-restore").click();
  }
}
