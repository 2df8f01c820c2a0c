import { expect, type Page } from "@playwright/test";

export class ChatPanel {
  constructor(readonly page: Page) {}

  async send(text: string) {
    const input = this.page.getByTestId("chat-input");
    await input.fill(text);
    await this.page.getByTestId("chat-send").click();
  }

  card(path: string) {
    return this.page.locator(`[data-testid="code-card"][data-path="${path}"]`).last();
  }

  /** Waits for the last answer's changes to be applied, and returns the status element. */
  async expectApplied() {
    const status = this.page.getByTestId("apply-status").last();
    await expect(status).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    return status;
  }
}
