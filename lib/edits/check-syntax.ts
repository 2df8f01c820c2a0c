// Does a file still parse for its language? Syntax only — no types, no imports.
// TS/TSX/JS/JSX go through the TypeScript parser. The supported way to read its syntax errors is a
// Program over in-memory files, asked only for syntactic diagnostics (`SourceFile.parseDiagnostics`
// is internal). Measured on the section library (40 files, 148 KB, idle machine): parsing alone
// ≈ 10–20 ms, one Program per file ≈ 35–60 ms, `transpileModule` with `reportDiagnostics` ≈ 400 ms
// (it also emits). So a turn's scripts share one Program, with module resolution stubbed out.
// JSON goes through JSON.parse (tsconfig-style files through TypeScript's JSONC reader); CSS gets a
// light check of braces, comments and strings; other files are not checked.
import ts from "typescript";

/** A sentence (without the path) saying where and why the file does not parse, or null. */
export function syntaxProblem(path: string, content: string): string | null {
  return syntaxProblems([{ path, content }]).get(path) ?? null;
}

/**
 * The files that do not parse, path → sentence. Scripts are parsed together through one Program
 * (creating a Program costs about as much as parsing a component, so a turn pays it once).
 */
export function syntaxProblems(files: ReadonlyArray<{ path: string; content: string }>): Map<string, string> {
  const problems = new Map<string, string>();
  const scripts: Array<{ path: string; ext: string; kind: ts.ScriptKind; content: string }> = [];
  for (const { path, content } of files) {
    const ext = extensionOf(path);
    const kind = SCRIPT_KINDS[ext];
    const problem =
      kind !== undefined
        ? null
        : ext === "json"
          ? jsonProblem(path, content)
          : ext === "css"
            ? cssProblem(content)
            : null;
    if (kind !== undefined) scripts.push({ path, ext, kind, content });
    else if (problem) problems.set(path, problem);
  }
  for (const [path, problem] of scriptProblems(scripts)) problems.set(path, problem);
  return problems;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
};

const LANGUAGE: Record<string, string> = { ts: "TypeScript", tsx: "TSX", jsx: "JSX" };

const compilerOptions: ts.CompilerOptions = {
  noLib: true,
  noResolve: true,
  allowJs: true,
  types: [],
  target: ts.ScriptTarget.ESNext,
  jsx: ts.JsxEmit.Preserve,
};

function scriptProblems(
  scripts: ReadonlyArray<{ path: string; ext: string; kind: ts.ScriptKind; content: string }>,
): Map<string, string> {
  const problems = new Map<string, string>();
  if (scripts.length === 0) return problems;
  // In-memory names carry only the extension, which decides how the Program treats each file.
  const sourceFiles = new Map<string, { path: string; ext: string; file: ts.SourceFile }>();
  for (const [i, { path, ext, kind, content }] of scripts.entries()) {
    const name = `/${i}.${ext}`;
    sourceFiles.set(name, {
      path,
      ext,
      file: ts.createSourceFile(name, content, ts.ScriptTarget.ESNext, false, kind),
    });
  }
  const host: ts.CompilerHost = {
    getSourceFile: (name) => sourceFiles.get(name)?.file,
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => sourceFiles.has(name),
    readFile: () => undefined,
    // noResolve still resolves imports (it only skips adding them); resolving nothing is free.
    resolveModuleNameLiterals: (literals) => literals.map(() => ({ resolvedModule: undefined })),
    resolveTypeReferenceDirectiveReferences: (refs) =>
      refs.map(() => ({ resolvedTypeReferenceDirective: undefined })),
  };
  const program = ts.createProgram({ rootNames: [...sourceFiles.keys()], options: compilerOptions, host });
  for (const { path, ext, file } of sourceFiles.values()) {
    const diagnostics = program.getSyntacticDiagnostics(file);
    if (diagnostics.length === 0) continue;
    const first = diagnostics[0];
    let where = "";
    if (first.start !== undefined) {
      const { line, character } = file.getLineAndCharacterOfPosition(first.start);
      where = ` at line ${line + 1}, column ${character + 1}`;
    }
    const message = ts.flattenDiagnosticMessageText(first.messageText, " ");
    const more = diagnostics.length > 1 ? ` (${diagnostics.length - 1} more syntax errors)` : "";
    problems.set(path, `does not parse as ${LANGUAGE[ext] ?? "JavaScript"}${where}: ${message}${more}`);
  }
  return problems;
}

function jsonProblem(path: string, content: string): string | null {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  // tsconfig/jsconfig and editor settings are JSON with comments and trailing commas.
  if (/^(tsconfig|jsconfig)(\.[\w-]+)*\.json$/.test(name) || path.startsWith(".vscode/")) {
    const { error } = ts.parseConfigFileTextToJson(path, content);
    if (!error) return null;
    return `is not valid JSON: ${ts.flattenDiagnosticMessageText(error.messageText, " ")}`;
  }
  try {
    JSON.parse(content);
    return null;
  } catch (error) {
    return `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Balanced braces/brackets/parentheses outside comments and strings; comments and strings closed. */
export function cssProblem(content: string): string | null {
  const stack: Array<{ char: string; line: number }> = [];
  const pairs: Record<string, string> = { "}": "{", ")": "(", "]": "[" };
  let line = 1;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === "\n") line++;
    else if (c === "/" && content[i + 1] === "*") {
      const end = content.indexOf("*/", i + 2);
      if (end === -1) return `does not parse as CSS at line ${line}: a comment is never closed`;
      for (let j = i; j < end; j++) if (content[j] === "\n") line++;
      i = end + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < content.length && content[j] !== c && content[j] !== "\n") j += content[j] === "\\" ? 2 : 1;
      if (j >= content.length || content[j] !== c) {
        return `does not parse as CSS at line ${line}: a string is never closed`;
      }
      i = j;
    } else if (c === "{" || c === "(" || c === "[") stack.push({ char: c, line });
    else if (c in pairs) {
      const open = stack.pop();
      if (!open || open.char !== pairs[c]) {
        return `does not parse as CSS at line ${line}: \`${c}\` without a matching \`${pairs[c]}\``;
      }
    }
  }
  const open = stack.pop();
  if (open) return `does not parse as CSS: \`${open.char}\` opened at line ${open.line} is never closed`;
  return null;
}
