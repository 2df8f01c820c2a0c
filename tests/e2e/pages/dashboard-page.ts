import { expect, type Page } from "@playwright/test";

export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/dashboard");
  }

  card(name: string) {
    return this.page
      .getByTestId("project-card")
      .filter({ has: this.page.getByTestId("project-card-name").getByText(name, { exact: true }) });
  }

  async createProject(templateId: string, name: string) {
    await this.page.getByTestId("new-project").first().click();
    await this.page.getByTestId(`template-option-${templateId}`).click();
    await this.page.getByTestId("project-name-input").fill(name);
    await this.page.getByTestId("create-project-submit").click();
    await expect(this.page).toHaveURL(/\/projects\/[a-z0-9]+/);
  }

  async openMenu(name: string) {
    await this.card(name).getByTestId("project-menu").click();
  }

  async rename(from: string, to: string) {
    await this.openMenu(from);
    await this.page.getByTestId("project-rename").click();
    await this.page.getByTestId("rename-input").fill(to);
    await this.page.getByTestId("rename-submit").click();
    await expect(this.card(to)).toBeVisible();
  }

  async duplicate(name: string) {
    await this.openMenu(name);
    await this.page.getByTestId("project-duplicate").click();
  }

  async delete(name: string) {
    await this.openMenu(name);
    await this.page.getByTestId("project-delete").click();
    await this.page.getByTestId("confirm-delete").click();
    await expect(this.card(name)).toHaveCount(0);
  }
}
