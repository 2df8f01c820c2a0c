import { expect, type Page } from "@playwright/test";

export class EditorPage {
  constructor(readonly page: Page) {}

  async expectLoaded(name: string) {
    await expect(this.page.getByTestId("project-title")).toHaveText(name);
    await expect(this.page.getByTestId("chat-panel")).toBeVisible();
    await expect(this.page.getByTestId("version-badge")).toContainText("1");
  }

  async renameInline(name: string) {
    await this.page.getByTestId("project-title").click();
    const input = this.page.getByTestId("project-title-input");
    await input.fill(name);
    await input.press("Enter");
    const title = this.page.getByTestId("project-title");
    await expect(title).toHaveText(name);
    // The new name is shown at once; wait until the server has it too.
    await expect(this.page.getByText(`Renamed to “${name}”`)).toBeVisible();
    await expect(title).toHaveAttribute("data-pending", "false");
  }

  async openFile(path: string) {
    await this.page.getByTestId("tab-code").click();
    const tree = this.page.getByTestId("file-tree");
    await expect(tree).toBeVisible();
    const segments = path.split("/");
    // Expand each folder on the way, unless it is already open.
    for (let i = 1; i < segments.length; i++) {
      const folder = tree.locator(
        `[data-testid="file-tree-folder"][data-path="${segments.slice(0, i).join("/")}"]`,
      );
      if ((await folder.getAttribute("aria-expanded")) === "false") await folder.click();
    }
    await tree.locator(`[data-testid="file-tree-item"][data-path="${path}"]`).click();
    return this.page.getByTestId("code-view");
  }
}
