import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { DashboardPage } from "./pages/dashboard-page";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test("the dashboard updates live in another tab when a project is created, renamed and deleted", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const tabA = await context.newPage();
  const email = `live-${unique()}@example.com`;
  await new AuthPage(tabA).signUp({ name: "Liv", email, password: "a live password" });

  // A second tab of the same person, on the dashboard, which must not reload.
  const tabB = await context.newPage();
  const dashboardB = new DashboardPage(tabB);
  await dashboardB.goto();
  await expect(tabB.getByTestId("empty-state")).toBeVisible();
  await tabB.evaluate(() => {
    (window as unknown as { __marker: string }).__marker = "still here";
  });

  const dashboardA = new DashboardPage(tabA);
  await dashboardA.goto();
  await dashboardA.createProject("event", "Live Launch");
  await expect(dashboardB.card("Live Launch")).toBeVisible({ timeout: 20_000 });

  await dashboardA.goto();
  await dashboardA.rename("Live Launch", "Live Launch 2");
  await expect(dashboardB.card("Live Launch 2")).toBeVisible({ timeout: 20_000 });

  await dashboardA.delete("Live Launch 2");
  await expect(dashboardB.card("Live Launch 2")).toHaveCount(0, { timeout: 20_000 });
  expect(await tabB.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("still here");
  await context.close();
});
