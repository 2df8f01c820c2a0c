import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { ChatPanel } from "./pages/chat-panel";
import { DashboardPage } from "./pages/dashboard-page";
import { EditorPage } from "./pages/editor-page";
import { HistoryPanel } from "./pages/history-panel";
import { Keyboard } from "./pages/keyboard";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test("Ctrl+K jumps to a project and switches the editor's tabs; ? lists the shortcuts outside text fields", async ({
  page,
}) => {
  const dashboard = new DashboardPage(page);
  const editor = new EditorPage(page);
  const keys = new Keyboard(page);
  const name = `Keys ${unique()}`;

  await new AuthPage(page).signUp({
    name: "Kim Keys",
    email: `keys-${unique()}@example.com`,
    password: "a keyboard password",
  });
  await dashboard.createProject("saas", name);
  await editor.expectLoaded(name);
  const projectUrl = page.url();

  // From the dashboard, the palette finds the project by name and Enter opens it.
  await dashboard.goto();
  await keys.openPalette();
  await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
  await keys.search(name, keys.project(name));
  await page.keyboard.press("Enter");
  await expect(keys.palette()).toBeHidden();
  await expect(page).toHaveURL(projectUrl);
  await editor.expectLoaded(name);

  // In the editor the palette offers its tabs: "History" switches to the History tab.
  await expect(page.getByTestId("tab-history")).toHaveAttribute("data-state", "inactive");
  await keys.openPalette();
  await keys.search("History", keys.action("editor-history"));
  await page.keyboard.press("Enter");
  await expect(keys.palette()).toBeHidden();
  await expect(page.getByTestId("tab-history")).toHaveAttribute("data-state", "active");

  // Esc closes the palette and focus goes back where it was: the chat input, where Ctrl+K works too.
  const chatInput = page.getByTestId("chat-input");
  await chatInput.click();
  await keys.openPalette();
  await page.keyboard.press("Escape");
  await expect(keys.palette()).toBeHidden();
  await expect(chatInput).toBeFocused();

  // `?` typed into the chat is just text.
  await keys.pressQuestionMark();
  await expect(chatInput).toHaveValue("?");
  await expect(keys.shortcuts()).toBeHidden();

  // Outside a text field, `?` opens the shortcuts list; Esc closes it.
  await page.getByTestId("tab-history").focus();
  await keys.pressQuestionMark();
  const shortcuts = keys.shortcuts();
  await expect(shortcuts).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(
    shortcuts.getByTestId("shortcut").filter({ hasText: "Open the command palette" }),
  ).toContainText("Ctrl");
  await expect(shortcuts.getByTestId("shortcut").filter({ hasText: "Save your edits" })).toContainText(
    "Ctrl",
  );
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await expect(page.getByTestId("tab-history")).toBeFocused();
  await expect(chatInput).toHaveValue("?");
});

test("the palette's actions: New project opens the create dialog; on a narrow screen the chat is a tab", async ({
  page,
}) => {
  const dashboard = new DashboardPage(page);
  const editor = new EditorPage(page);
  const keys = new Keyboard(page);

  await new AuthPage(page).signUp({
    name: "Nia Narrow",
    email: `narrow-${unique()}@example.com`,
    password: "a narrow password",
  });

  // When the projects cannot be loaded, the palette says why (with the request id) and offers a retry.
  await page.route("**/api/projects?*", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "unavailable:test", message: "The database is resting.", requestId: "req-keys-1" },
      }),
    }),
  );
  await keys.openPalette();
  const projectsError = page.getByTestId("command-projects-error");
  await expect(projectsError).toContainText("The database is resting.");
  await expect(projectsError).toContainText("req-keys-1");
  await page.unroute("**/api/projects?*");
  await keys.action("retry-projects").click();
  await expect(projectsError).toBeHidden();
  await expect(keys.action("retry-projects")).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(keys.palette()).toBeHidden();

  // "New project" is the dashboard's own dialog, from any screen.
  await keys.openPalette();
  await keys.search("new project", keys.action("new-project"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("project-name-input")).toBeVisible();
  await page.getByTestId("template-option-saas").click();
  await page.getByTestId("project-name-input").fill("Narrow page");
  await page.getByTestId("create-project-submit").click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+/);
  await editor.expectLoaded("Narrow page");

  // On a phone-sized screen the palette fits and offers the Chat tab.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect(page.getByTestId("tab-chat")).toBeVisible();
  await page.getByTestId("tab-preview").click();
  await keys.openPalette();
  const box = await keys.palette().boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await keys.search("chat", keys.action("editor-chat"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tab-chat")).toHaveAttribute("data-state", "active");

  // Without a keyboard, the top bar's search button opens it; with the preview's frame there,
  // it offers the preview's reload.
  await page.getByTestId("tab-preview").click();
  await page.getByTestId("palette-button").click();
  await expect(keys.palette()).toBeVisible();
  await keys.search("reload", keys.action("preview-reload"));
  await page.keyboard.press("Enter");
  await expect(keys.palette()).toBeHidden();

  // The palette's Dashboard action goes back to the projects.
  await keys.openPalette();
  await keys.search("dashboard", keys.action("dashboard"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(dashboard.card("Narrow page")).toBeVisible();
});

test("in the editor the palette lists the versions: choosing one brings it forward in the History tab", async ({
  page,
}) => {
  const editor = new EditorPage(page);
  const keys = new Keyboard(page);
  const history = new HistoryPanel(page);

  await new AuthPage(page).signUp({
    name: "Vera Versions",
    email: `versions-${unique()}@example.com`,
    password: "a versions password",
  });
  // No digit in the name: the searches below are version numbers.
  await new DashboardPage(page).createProject("saas", "Versioned beans");
  await editor.expectLoaded("Versioned beans");

  // A chat edit with the offline designer makes v2.
  const chat = new ChatPanel(page);
  await chat.send("change the headline to Fresh beans, every week");
  await chat.expectApplied();
  await expect(page.getByTestId("version-badge")).toContainText("2");
  await expect(page.getByTestId("tab-preview")).toHaveAttribute("data-state", "active");

  // With nothing typed, the versions are listed newest first, labelled as in the History list.
  await keys.openPalette();
  await expect(keys.paletteInput()).toHaveAttribute("placeholder", /versions/);
  const rows = page.getByTestId("command-group-versions").getByRole("option");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-testid", "command-version-2");
  await expect(keys.version(2)).toContainText(/^v2 · .+ · .+ · current$/);
  await expect(keys.version(1)).toContainText(/^v1 · Created from the .+ template · (just now|.+ ago)$/);

  // "v1", then Enter: the History tab, with v1 scrolled to, marked and focused.
  await keys.search("v1", keys.version(1));
  await page.keyboard.press("Enter");
  await expect(keys.palette()).toBeHidden();
  await expect(page.getByTestId("tab-history")).toHaveAttribute("data-state", "active");
  await expect(history.item(1)).toHaveAttribute("data-highlighted", "true");
  await expect(history.highlighted()).toHaveCount(1);
  await expect(history.item(1)).toBeFocused();
  await expect(history.item(1)).toBeInViewport();
  // The mark is a ring drawn around the entry.
  const ring = () => history.item(1).evaluate((node) => getComputedStyle(node, "::after").boxShadow);
  expect(await ring()).not.toBe("none");
  // Its actions are one Tab away.
  await page.keyboard.press("Tab");
  await expect(history.item(1).getByTestId("version-menu")).toBeFocused();

  // The ring is there in the dark theme too.
  await keys.openPalette();
  await keys.search("dark theme", keys.action("toggle-theme"));
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(history.item(1)).toHaveAttribute("data-highlighted", "true");
  expect(await ring()).not.toBe("none");

  // From a comparison, a version found by its number alone goes back to the timeline.
  await history.menu(2, "version-compare-previous");
  await expect(page.getByTestId("diff-view")).toBeVisible();
  await expect(history.highlighted()).toHaveCount(0);
  await keys.openPalette();
  await keys.search("2", keys.version(2));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("diff-view")).toBeHidden();
  await expect(history.item(2)).toHaveAttribute("data-highlighted", "true");
  await expect(history.item(1)).not.toHaveAttribute("data-highlighted", "true");
  await expect(history.item(2)).toBeFocused();

  // Found by its message, from another tab.
  await page.getByTestId("tab-code").click();
  await keys.openPalette();
  await keys.search("Created from", keys.version(1));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("tab-history")).toHaveAttribute("data-state", "active");
  await expect(history.item(1)).toBeFocused();

  // The palette signs out as the account menu does (one function for both): the session ends.
  await keys.openPalette();
  await keys.search("sign out", keys.action("sign-out"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});
