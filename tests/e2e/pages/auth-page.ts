import { expect, type Page } from "@playwright/test";

export class AuthPage {
  constructor(readonly page: Page) {}

  async signUp(user: { name: string; email: string; password: string }) {
    await this.page.goto("/sign-up");
    await this.page.getByTestId("name-input").fill(user.name);
    await this.page.getByTestId("email-input").fill(user.email);
    await this.page.getByTestId("password-input").fill(user.password);
    await this.page.getByTestId("auth-submit").click();
    await expect(this.page).toHaveURL(/\/dashboard/);
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByTestId("email-input").fill(email);
    await this.page.getByTestId("password-input").fill(password);
    await this.page.getByTestId("auth-submit").click();
  }

  error() {
    return this.page.getByTestId("auth-error");
  }

  async signOut() {
    await this.page.getByTestId("user-menu").click();
    await this.page.getByTestId("sign-out").click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }
}
