/**
 * The module map in src/README.md is true: every folder is in it, its imports column is exactly
 * what the folder imports, nothing runs in a circle, and the CLI stays a thin shell. Imports are
 * read with the TypeScript compiler's own parser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

interface Import {
  from: string;
  /** Resolved file under src/ (for relative imports) or the package name. */
  to: string;
  typeOnly: boolean;
  relative: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const spec = specifier.text;
    const relative = spec.startsWith('.');
    const to = relative ? path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts') : spec;
    out.push({ from: file, to, typeOnly, relative });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allTypes =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          clause.name === undefined &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, allTypes);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `cli/` for a file in a folder, `diagnostic.ts` for a top-level file. */
function place(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? `${first}/` : first!;
}

/** The README table: place → the places its imports column names. */
function documentedMap(): Map<string, Set<string>> {
  const readme = readFileSync(path.join(SRC, 'README.md'), 'utf8');
  const map = new Map<string, Set<string>>();
  for (const line of readme.split('\n')) {
    const m = /^\| `([^`]+)` \|.*\| ([^|]+) \|$/.exec(line);
    if (!m) continue;
    const targets = m[2]!.trim() === '—' ? [] : m[2]!.split(',').map((s) => s.trim());
    map.set(m[1]!, new Set(targets.map((t) => (t.endsWith('.ts') ? t : `${t}/`))));
  }
  return map;
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);
const internal = imports.filter((i) => i.relative);

function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

describe('the module map (src/README.md)', () => {
  const documented = documentedMap();

  it('lists every folder and top-level file under src/', () => {
    const places = new Set(files.map(place));
    expect([...documented.keys()].sort()).toEqual([...places].sort());
  });

  it('gives each place exactly the places its files import', () => {
    const actual = new Map<string, Set<string>>([...documented.keys()].map((k) => [k, new Set<string>()]));
    for (const i of internal) {
      const from = place(i.from);
      const to = place(i.to);
      if (from !== to) actual.get(from)?.add(to);
    }
    for (const [where, targets] of documented) {
      expect([...(actual.get(where) ?? [])].sort(), where).toEqual([...targets].sort());
    }
  });

  it('has no import circle between files, nor between folders', () => {
    expect(circles(internal)).toEqual([]);
  });

  it('keeps the CLI a thin shell: pipeline, report, plan types, Node and commander only; nothing imports it', () => {
    expect(cliViolations(imports)).toEqual([]);
  });

  it('no command imports another command: what two commands share lives in the engine', () => {
    // Every command file, found, not listed: a new command is covered the day it is added.
    expect(commandFiles().length).toBeGreaterThanOrEqual(10);
    expect(commandViolations(internal)).toEqual([]);
  });

  it('only the modules src/README.md names touch the file system or start processes', () => {
    const listed = fileSystemModules();
    expect(listed.length).toBeGreaterThan(5);
    for (const file of listed) expect(existsSync(path.join(SRC, file)), file).toBe(true);
    expect(fsViolations(imports, listed)).toEqual([]);
    // And each listed module still does: the list stays exact.
    const touching = new Set(imports.filter((i) => FS_MODULES.has(i.to)).map((i) => path.relative(SRC, i.from)));
    expect([...touching].sort()).toEqual([...listed].sort());
  });

  it('the checks above can fail: they see a real import of each kind', () => {
    // A parser that saw nothing would pass everything above.
    expect(internal.some((i) => place(i.from) === 'cli/' && place(i.to) === 'pipeline/' && !i.typeOnly)).toBe(true);
    expect(internal.some((i) => i.typeOnly)).toBe(true);
    expect(imports.some((i) => !i.relative && i.to === 'docx')).toBe(true);
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toEqual(['a', 'b', 'a']);
  });

  it('each rule fails on a planted violation', () => {
    const at = (file: string) => path.join(SRC, file);
    const plant = (from: string, to: string, relative = true): Import => ({ from: at(from), to: relative ? at(to) : to, typeOnly: false, relative });
    // A command importing another.
    expect(commandViolations([...internal, plant('cli/status.ts', 'cli/build.ts')])).toEqual(['cli/status.ts imports cli/build.ts']);
    // A module outside the list touching node:fs (and one starting a process).
    expect(fsViolations([...imports, plant('text/width.ts', 'node:fs', false)], fileSystemModules())).toEqual(['text/width.ts imports node:fs']);
    expect(fsViolations([...imports, plant('render/helpers.ts', 'node:child_process', false)], fileSystemModules())).toEqual(['render/helpers.ts imports node:child_process']);
    // A circle: text/ importing render/, which imports text/.
    expect(circles([...internal, plant('text/width.ts', 'render/helpers.ts')]).length).toBeGreaterThan(0);
    // The CLI reaching past the engine, and something importing the CLI.
    expect(cliViolations([...imports, plant('cli/build.ts', 'emit/docx/emit-docx.ts')])).toEqual(['cli/build.ts imports emit/docx/emit-docx.ts']);
    expect(cliViolations([...imports, plant('pipeline/build-plans.ts', 'cli/output.ts')])).toEqual(['pipeline/build-plans.ts imports the CLI']);
  });
});

/** Every circle: between files, and between folders. */
function circles(list: readonly Import[]): string[][] {
  const byFile = new Map<string, Set<string>>();
  const byPlace = new Map<string, Set<string>>();
  for (const i of list) {
    (byFile.get(i.from) ?? byFile.set(i.from, new Set()).get(i.from)!).add(i.to);
    if (place(i.from) !== place(i.to)) (byPlace.get(place(i.from)) ?? byPlace.set(place(i.from), new Set()).get(place(i.from))!).add(place(i.to));
  }
  const found: string[][] = [];
  const files = findCycle(byFile);
  if (files) found.push(files.map((f) => path.relative(SRC, f)));
  const places = findCycle(byPlace);
  if (places) found.push(places);
  return found;
}

/** The CLI imports only pipeline/, report/, the top-level usage error, plan types, Node and commander; nothing imports it. */
function cliViolations(list: readonly Import[]): string[] {
  const builtins = new Set(builtinModules);
  const out: string[] = [];
  for (const i of list) {
    const from = place(i.from);
    const to = i.relative ? place(i.to) : i.to;
    if (from !== 'cli/') {
      if (to === 'cli/') out.push(`${path.relative(SRC, i.from)} imports the CLI`);
      continue;
    }
    const allowed =
      to === 'cli/' ||
      to === 'pipeline/' ||
      to === 'report/' ||
      to === 'usage-error.ts' ||
      (to === 'plan/' && i.typeOnly) ||
      to === 'commander' ||
      to.startsWith('node:') ||
      builtins.has(to);
    if (!allowed) out.push(`${path.relative(SRC, i.from)} imports ${i.relative ? path.relative(SRC, i.to) : i.to}`);
  }
  return out;
}

/** The shared pieces of cli/ that are not commands. */
const CLI_SHARED = new Set(['main.ts', 'output.ts', 'commander-zh.ts', 'version.ts']);

function commandFiles(): string[] {
  return readdirSync(path.join(SRC, 'cli')).filter((f) => f.endsWith('.ts') && !CLI_SHARED.has(f)).map((f) => path.join(SRC, 'cli', f));
}

function commandViolations(list: readonly Import[]): string[] {
  const commands = new Set(commandFiles());
  return list.filter((i) => commands.has(i.from) && commands.has(i.to)).map((i) => `${path.relative(SRC, i.from)} imports ${path.relative(SRC, i.to)}`);
}

/** What touching the file system or the machine's processes means here. */
const FS_MODULES = new Set(['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process']);

/** The list in src/README.md: “Only these modules touch the file system or start processes: `a.ts`, `b/c.ts`…”. */
function fileSystemModules(): string[] {
  const readme = readFileSync(path.join(SRC, 'README.md'), 'utf8');
  const line = readme.split('\n').find((l) => l.startsWith('Only these modules touch the file system'));
  return line ? [...line.matchAll(/`([^`]+\.ts)`/g)].map(([, name]) => name!) : [];
}

function fsViolations(list: readonly Import[], allowed: readonly string[]): string[] {
  const ok = new Set(allowed);
  return list.filter((i) => FS_MODULES.has(i.to) && !ok.has(path.relative(SRC, i.from))).map((i) => `${path.relative(SRC, i.from)} imports ${i.to}`);
}
