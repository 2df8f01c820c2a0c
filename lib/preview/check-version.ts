// After a version reaches the preview, the sandbox type-checks the project (tsc --noEmit, the
// template's own tsconfig). The version is flagged `ok` or `broken` with its problems, the studio
// hears it (`version.checked`), and a broken version's problems count towards the fix loop's brake.

import { projectChannel } from "@/lib/realtime/channels";
import { announce } from "@/lib/realtime/events";
import { problemsFingerprint, recordFailure } from "./failures";
import { getPreviewProvider } from "./provider";
import { findActiveSession, findVersionVerdict, markVersionBroken, markVersionOk } from "./queries";
import type { VersionProblem } from "./schemas";

/**
 * Runs TypeScript's compiler from wherever the sandbox resolves `typescript` (the template's
 * shared dependencies, in a parent folder), without a shell or network.
 */
const TYPECHECK_COMMAND = {
  command: "node",
  args: [
    "-e",
    'process.argv.splice(1, 0, "tsc"); require(require.resolve("typescript/lib/tsc.js", { paths: [process.cwd()] }))',
    "--",
    "--noEmit",
    "-p",
    ".",
    "--pretty",
    "false",
  ],
};

const MAX_PROBLEMS = 20;

/** `src/App.tsx(12,5): error TS2322: …` lines, with their indented continuation lines. */
export function parseTscOutput(output: string): VersionProblem[] {
  const problems: VersionProblem[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      problems.push({
        file: match[1],
        line: Number(match[2]),
        message: `${match[5]} (${match[4]})`.slice(0, 500),
      });
    } else if (/^error (TS\d+): /.test(line)) {
      problems.push({ file: null, line: null, message: line.slice(6).slice(0, 500) });
    } else if (line.startsWith("  ") && problems.length) {
      const last = problems[problems.length - 1];
      last.message = `${last.message} ${line.trim()}`.slice(0, 500);
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

export type CheckResult =
  | { status: "ok" | "broken"; problems: VersionProblem[]; fixAllowed: boolean; durationMs: number }
  | { status: "skipped"; reason: string };

export async function checkVersionInPreview(input: {
  workspaceId: string;
  projectId: string;
  versionId: string;
}): Promise<CheckResult> {
  const session = await findActiveSession(input.projectId);
  if (!session || session.status === "paused" || session.status === "error") {
    return { status: "skipped", reason: "no_live_preview" };
  }
  if (session.versionId !== input.versionId) return { status: "skipped", reason: "preview_on_other_version" };
  const { command, args } = TYPECHECK_COMMAND;
  const result = await (await getPreviewProvider()).runCommand(session.sandboxId, command, args, {
    timeoutMs: 90_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  let problems = result.exitCode === 0 ? [] : parseTscOutput(output);
  if (result.exitCode !== 0 && problems.length === 0) {
    problems = [
      {
        file: null,
        line: null,
        message: output.trim().slice(-500) || `The type-check exited with ${result.exitCode}.`,
      },
    ];
  }
  const status = problems.length ? "broken" : "ok";
  return recordCheck(input, status, problems, result.durationMs);
}

/**
 * Stores a check's verdict. `ok` never overrides `broken` (a runtime error the page reported
 * outranks a clean type-check); problems found later are added to the ones already there.
 */
export async function recordCheck(
  input: { workspaceId: string; projectId: string; versionId: string },
  status: "ok" | "broken",
  problems: VersionProblem[],
  durationMs = 0,
): Promise<CheckResult> {
  const version = await findVersionVerdict(input);
  if (!version) return { status: "skipped", reason: "no_version" };
  let fixAllowed = true;
  if (status === "broken") {
    const earlier = version.problems;
    const merged = [
      ...earlier,
      ...problems.filter((p) => !earlier.some((e) => e.message === p.message && e.file === p.file)),
    ];
    await markVersionBroken(input.versionId, merged.slice(0, MAX_PROBLEMS));
    ({ fixAllowed } = await recordFailure(input.projectId, input.versionId, problemsFingerprint(problems)));
  } else if (version.status === "unchecked") {
    await markVersionOk(input.versionId);
  }
  const finalStatus = status === "broken" || version.status === "broken" ? "broken" : "ok";
  await announce([
    {
      channel: projectChannel(input.projectId),
      name: "version.checked",
      payload: {
        projectId: input.projectId,
        versionId: input.versionId,
        status: finalStatus,
        problems: problems.slice(0, MAX_PROBLEMS).map((p) => ({
          file: p.file?.slice(0, 300) ?? null,
          line: p.line,
          message: p.message.slice(0, 500),
        })),
        fixAllowed,
      },
    },
  ]);
  return { status: finalStatus, problems, fixAllowed, durationMs };
}
