import { describe, expect, it } from "vitest";
import { itemWords, rankGroups } from "@/components/command-palette/palette-filter";

const group = (name: string, labels: string[]) => ({
  name,
  keywords: labels.map((label) => itemWords({ label })),
});

describe("the palette's group order", () => {
  const versions = group("versions", [
    "v2 · make the chat section lighter",
    "v1 · Created from the template",
  ]);
  const actions = group("actions", ["Show Chat", "Show Preview", "Go to dashboard"]);
  const projects = group("projects", ["Bean Club"]);

  it("keeps the given order when nothing is typed", () => {
    expect(rankGroups([versions, actions, projects], "  ").map((g) => g.name)).toEqual([
      "versions",
      "actions",
      "projects",
    ]);
  });

  it("puts the group with the best match first", () => {
    expect(rankGroups([versions, projects, actions], "show chat")[0].name).toBe("actions");
    expect(rankGroups([versions, actions, projects], "bean")[0].name).toBe("projects");
  });

  it("keeps the given order between groups that match equally", () => {
    const a = group("a", ["Open settings"]);
    const b = group("b", ["Open settings"]);
    expect(rankGroups([a, b], "settings").map((g) => g.name)).toEqual(["a", "b"]);
    expect(rankGroups([b, a], "settings").map((g) => g.name)).toEqual(["b", "a"]);
  });
});
