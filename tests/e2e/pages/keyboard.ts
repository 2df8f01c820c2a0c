import { expect, type Page } from "@playwright/test";

/** The studio's keyboard layer: the Ctrl+K palette and the `?` shortcuts list (Chromium on Linux: Ctrl). */
export class Keyboard {
  constructor(readonly page: Page) {}

  palette() {
    return this.page.getByTestId("command-palette");
  }

  paletteInput() {
    return this.page.getByTestId("command-input");
  }

  shortcuts() {
    return this.page.getByTestId("shortcuts-dialog");
  }

  async openPalette() {
    await this.page.keyboard.press("Control+K");
    await expect(this.palette()).toBeVisible();
    await expect(this.paletteInput()).toBeFocused();
  }

  /** The palette's row for a project, by its name. */
  project(name: string) {
    return this.page.getByTestId("command-project").filter({ hasText: name });
  }

  /** The palette's row for a version of the project open in the editor, by its number. */
  version(number: number) {
    return this.page.getByTestId(`command-version-${number}`);
  }

  /** The palette's row for an action, by its id (`command-<id>`). */
  action(id: string) {
    return this.page.getByTestId(`command-${id}`);
  }

  /** Types into the palette and waits until `row` is the highlighted result, so Enter picks it. */
  async search(text: string, row: ReturnType<Page["getByTestId"]>) {
    await this.paletteInput().fill(text);
    await expect(row).toHaveAttribute("aria-selected", "true");
  }

  /** `?` as typed on a US keyboard. */
  async pressQuestionMark() {
    await this.page.keyboard.press("Shift+Slash");
  }
}
