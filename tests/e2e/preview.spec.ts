// The live preview as a person meets it: the page appears, a chat edit hot-reloads into it without
// a reload, a broken page says so with "Fix with AI", restoring the last good version recovers it,
// and a dev server that dies comes back with the studio saying what happened.
import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";
import { DashboardPage } from "./pages/dashboard-page";
import { EditorPage } from "./pages/editor-page";
import { findDevServerPid, PreviewPage } from "./pages/preview-page";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const HEADLINE = "Fresh beans, every week";

test("open → page shows → chat edit hot-reloads → broken page → restore → dev server killed and back", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const auth = new AuthPage(page);
  const dashboard = new DashboardPage(page);
  const editor = new EditorPage(page);
  const preview = new PreviewPage(page);

  await auth.signUp({
    name: "Pat Preview",
    email: `preview-${unique()}@example.com`,
    password: "a good long password",
  });
  await dashboard.createProject("saas", "Bean Club");
  await editor.expectLoaded("Bean Club");
  const projectId = new URL(page.url()).pathname.split("/").pop()!;

  // The status says what it waits for, then the page is there.
  await preview.expectReady();
  const frameElement = page.getByTestId("preview-frame");
  await expect(frameElement).toHaveAttribute(
    "sandbox",
    "allow-scripts allow-forms allow-same-origin allow-popups",
  );
  expect(new URL((await frameElement.getAttribute("src"))!).hostname).toMatch(
    /^p[a-z2-7]{26}\.preview\.localhost$/,
  );
  const frame = await preview.frame();
  await expect.poll(() => frame.evaluate(() => document.querySelector("h1")?.textContent ?? "")).not.toBe("");
  await frame.evaluate(() => {
    (window as unknown as { __keep: string }).__keep = "no reload";
  });

  // A chat edit reaches the page by hot update: the marker on the window survives.
  await page.getByTestId("chat-input").fill(`change the headline to ${HEADLINE}`);
  await page.getByTestId("chat-send").click();
  await preview.expectText(HEADLINE, 60_000);
  expect(await frame.evaluate(() => (window as unknown as { __keep?: string }).__keep)).toBe("no reload");

  // The AI's version is type-checked in the sandbox and found good.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/projects/${projectId}/preview`);
        return (await res.json()).current?.status;
      },
      { timeout: 60_000 },
    )
    .toBe("ok");

  // Break the page on purpose: a runtime error on render.
  const files = await (await page.request.get(`/api/projects/${projectId}/files`)).json();
  const saved = await page.request.post(`/api/projects/${projectId}/files`, {
    data: {
      baseVersionId: files.versionId,
      message: "Break it on purpose",
      operations: [
        {
          path: "src/App.tsx",
          action: "write",
          content:
            'export default function App() {\n  throw new Error("Broken on purpose by the preview test");\n}\n',
        },
      ],
    },
  });
  expect(saved.status()).toBe(201);
  await expect(preview.errors().first()).toContainText("Broken on purpose", { timeout: 30_000 });
  await expect(page.getByTestId("fix-with-ai")).toBeVisible();
  // The page rendered nothing: the frame is covered and the status says so (never a blank frame).
  await expect(preview.status()).toHaveAttribute("data-status", "broken");
  await expect(page.getByTestId("preview-status-card")).toContainText("The page hit an error");

  // One click back to the last good version, and the page recovers.
  await page.getByTestId("restore-last-good").click();
  await expect(preview.errors()).toHaveCount(0, { timeout: 30_000 });
  await preview.expectReady(30_000);
  await preview.expectText(HEADLINE);

  // Kill the dev server: it comes back by itself and the studio says so.
  const pid = await findDevServerPid(projectId);
  expect(pid, "the project's dev server process").not.toBeNull();
  process.kill(pid!, "SIGKILL");
  try {
    await expect(page.getByTestId("preview-notice")).toContainText("Preview restarted", { timeout: 45_000 });
  } catch (error) {
    // What the sandbox saw (exit, restart, probe), so a failure here explains itself.
    const logs = await (await page.request.get(`/api/projects/${projectId}/preview/logs`)).json();
    const lines = (logs.items as { stream: string; text: string }[]).slice(-30);
    throw new Error(
      `${(error as Error).message}\nkilled pid ${pid}; the preview's last log lines:\n${lines.map((l) => `[${l.stream}] ${l.text}`).join("\n")}`,
    );
  }
  await preview.expectReady(45_000);
  await preview.expectText(HEADLINE);
});
