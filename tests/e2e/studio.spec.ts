import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { DashboardPage } from "./pages/dashboard-page";
import { EditorPage } from "./pages/editor-page";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test("sign up → create from a template → open → rename → duplicate → delete → sign out", async ({ page }) => {
  const auth = new AuthPage(page);
  const dashboard = new DashboardPage(page);
  const editor = new EditorPage(page);
  const email = `maker-${unique()}@example.com`;

  await auth.signUp({ name: "Mia Maker", email, password: "a good long password" });
  await expect(page.getByTestId("empty-state")).toBeVisible();

  await dashboard.createProject("saas", "Rocket Launch");
  await editor.expectLoaded("Rocket Launch");
  const code = await editor.openFile("src/App.tsx");
  await expect(code).toContainText("export default");

  await editor.renameInline("Rocket Launch 2");
  await dashboard.goto();
  await expect(dashboard.card("Rocket Launch 2")).toBeVisible();

  await dashboard.rename("Rocket Launch 2", "Orbit");
  await dashboard.duplicate("Orbit");
  await expect(dashboard.card("Orbit (copy)")).toBeVisible();

  await dashboard.delete("Orbit");
  await expect(dashboard.card("Orbit (copy)")).toBeVisible();

  await page.reload();
  await expect(dashboard.card("Orbit")).toHaveCount(0);
  await expect(dashboard.card("Orbit (copy)")).toBeVisible();

  await auth.signOut();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the sign-in page offers the seeded demo account, and it works", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("demo-login").click();
  await page.getByTestId("auth-submit").click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId("project-card").first()).toBeVisible();
});

test("five wrong passwords lock the account and say until when", async ({ page, request }) => {
  const email = `locked-${unique()}@example.com`;
  const signup = await request.post("/api/auth/signup", {
    data: { email, password: "the right password", name: "Lou" },
  });
  expect(signup.status()).toBe(201);

  const auth = new AuthPage(page);
  for (let i = 1; i <= 4; i++) {
    await auth.signIn(email, `wrong password ${i}`);
    await expect(auth.error()).toContainText("do not match");
  }
  // An unknown email gets exactly the same message.
  await auth.signIn(`nobody-${unique()}@example.com`, "whatever");
  await expect(auth.error()).toContainText("do not match");

  await auth.signIn(email, "wrong password 5");
  await expect(auth.error()).toContainText("locked until");
  await auth.signIn(email, "the right password");
  await expect(auth.error()).toContainText("locked until");
  await expect(page).toHaveURL(/\/sign-in/);
});
