import { describe, expect, it } from "vitest";
import { isValidProjectPath, projectPathProblem } from "@/lib/versions/paths";

describe("projectPathProblem", () => {
  it.each([
    "src/App.tsx",
    "index.html",
    "src/sections/hero.tsx",
    "public/logo.svg",
    ".gitignore",
    "src/a..b.ts",
  ])("accepts %s", (path) => {
    expect(projectPathProblem(path)).toBeNull();
  });

  it.each([
    ["", "empty"],
    ["/etc/passwd", "relative"],
    ["../secret", "'..'"],
    ["src/../../x", "'..'"],
    ["src/./x", "'.'"],
    ["C:/windows", "drive letter"],
    ["c:x", "drive letter"],
    ["src\\App.tsx", "backslash"],
    ["src/\0x", "NUL"],
    ["src//x", "empty segment"],
    ["src/", "empty segment"],
    ["~/x", "relative"],
    ["a\nb", "control"],
    [`${"a/".repeat(200)}x`, "longer than"],
  ])("refuses %j (%s)", (path, reason) => {
    expect(projectPathProblem(path)).toContain(reason);
    expect(isValidProjectPath(path)).toBe(false);
  });
});
