import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { ChatPanel } from "./pages/chat-panel";
import { DashboardPage } from "./pages/dashboard-page";
import { EditorPage } from "./pages/editor-page";
import { HistoryPanel } from "./pages/history-panel";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test("a chat edit with the offline designer becomes version 2; restoring version 1 makes version 3; the diff shows it", async ({
  page,
}) => {
  await new AuthPage(page).signUp({
    name: "Cora Chat",
    email: `chat-${unique()}@example.com`,
    password: "a chat password",
  });
  await new DashboardPage(page).createProject("saas", "Beans");
  const editor = new EditorPage(page);
  await editor.expectLoaded("Beans");

  const chat = new ChatPanel(page);
  await chat.send("change the headline to Fresh beans, every week");
  await expect(chat.card("src/App.tsx")).toBeVisible();
  await expect(chat.card("src/App.tsx")).toHaveAttribute("data-status", "valid");
  await chat.expectApplied();
  await expect(page.getByTestId("version-badge")).toContainText("2");

  const code = await editor.openFile("src/App.tsx");
  await expect(code).toContainText("Fresh beans, every week");

  const history = new HistoryPanel(page);
  await history.open();
  await expect(history.item(2)).toBeVisible();
  await expect(history.item(2)).toContainText(/Fresh beans|headline|App\.tsx/);

  await history.restore(1);
  await expect(page.getByTestId("version-badge")).toContainText("3");
  await expect(history.item(3)).toBeVisible();
  await expect(history.item(3)).toContainText(/Restored version 1/);

  const restored = await editor.openFile("src/App.tsx");
  await expect(restored).not.toContainText("Fresh beans, every week");

  await history.open();
  await history.menu(3, "version-compare-previous");
  const diff = page.getByTestId("diff-view");
  await expect(diff).toBeVisible();
  await expect(diff.locator('[data-testid="diff-file"][data-path="src/App.tsx"]')).toBeVisible();
  await expect(diff).toContainText("Fresh beans, every week");
});
