// Which frozen previews pausing stops to stay within PREVIEW_MAX_FROZEN (lib/sandbox/local/pausing.ts).
// The real freeze and stop are in tests/integration/sandbox-freeze-cap.test.ts.
import { describe, expect, it } from "vitest";
import { beyondFrozenCap, sweepIntervalMs } from "@/lib/sandbox/local/pausing";
import type { SandboxStatus } from "@/lib/sandbox/types";

interface Fake {
  name: string;
  status: SandboxStatus;
  frozenAt: number | null;
}

const frozen = (name: string, frozenAt: number): Fake => ({ name, status: "paused", frozenAt });
const names = (list: Fake[]) => list.map((s) => s.name);

describe("the frozen-preview cap", () => {
  it("picks the longest-frozen beyond the cap, whatever order they are listed in", () => {
    const all = [frozen("c", 300), frozen("a", 100), frozen("d", 400), frozen("b", 200)];
    expect(names(beyondFrozenCap(all, 2))).toEqual(["a", "b"]);
    expect(names(beyondFrozenCap(all, 3))).toEqual(["a"]);
    expect(beyondFrozenCap(all, 4)).toEqual([]);
    expect(beyondFrozenCap(all, 10)).toEqual([]);
  });

  it("counts only paused sandboxes whose server is frozen (not stopped, not live)", () => {
    const all: Fake[] = [
      frozen("old", 100),
      { name: "stopped", status: "paused", frozenAt: null },
      { name: "ready", status: "ready", frozenAt: null },
      { name: "booting", status: "booting", frozenAt: null },
      frozen("new", 200),
    ];
    expect(beyondFrozenCap(all, 2)).toEqual([]);
    expect(names(beyondFrozenCap(all, 1))).toEqual(["old"]);
  });

  it("never picks the one just frozen, even when another was frozen in the same millisecond", () => {
    const first = frozen("first", 100);
    const justFrozen = frozen("just", 100);
    expect(names(beyondFrozenCap([justFrozen, first], 1, justFrozen))).toEqual(["first"]);
    const older = frozen("older", 50);
    expect(names(beyondFrozenCap([justFrozen, first, older], 1, justFrozen))).toEqual(["older", "first"]);
  });

  it("with a cap of 0 picks every frozen one", () => {
    expect(names(beyondFrozenCap([frozen("b", 2), frozen("a", 1)], 0))).toEqual(["a", "b"]);
  });
});

describe("the idle sweep's interval", () => {
  it("is a quarter of the shorter wait, at most a minute, and ignores a freeze time of 0", () => {
    expect(sweepIntervalMs({ idleMinutes: 10, freezeMinutes: 20 })).toBe(60_000);
    expect(sweepIntervalMs({ idleMinutes: 1, freezeMinutes: 2 })).toBe(15_000);
    expect(sweepIntervalMs({ idleMinutes: 10, freezeMinutes: 0.1 })).toBe(1500);
    expect(sweepIntervalMs({ idleMinutes: 1, freezeMinutes: 0 })).toBe(15_000);
    expect(sweepIntervalMs({ idleMinutes: 0.001, freezeMinutes: 0 })).toBe(250);
  });
});
