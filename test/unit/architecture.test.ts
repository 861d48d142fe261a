/**
 * The module map in src/README.md is true: every folder is in it, its imports column is exactly
 * what the folder imports, nothing runs in a circle, and the CLI stays a thin shell. Imports are
 * read with the TypeScript compiler's own parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
    const byFile = new Map<string, Set<string>>();
    const byPlace = new Map<string, Set<string>>();
    for (const i of internal) {
      (byFile.get(i.from) ?? byFile.set(i.from, new Set()).get(i.from)!).add(i.to);
      if (place(i.from) !== place(i.to)) (byPlace.get(place(i.from)) ?? byPlace.set(place(i.from), new Set()).get(place(i.from))!).add(place(i.to));
    }
    expect(findCycle(byFile)?.map((f) => path.relative(SRC, f))).toBeUndefined();
    expect(findCycle(byPlace)).toBeUndefined();
  });

  it('keeps the CLI a thin shell: pipeline, report, plan types, Node and commander only; nothing imports it', () => {
    const builtins = new Set(builtinModules);
    for (const i of imports) {
      const from = place(i.from);
      const to = i.relative ? place(i.to) : i.to;
      if (from !== 'cli/') {
        expect(to, `${path.relative(SRC, i.from)} imports the CLI`).not.toBe('cli/');
        continue;
      }
      const allowed =
        to === 'cli/' ||
        to === 'pipeline/' ||
        to === 'report/' ||
        (to === 'plan/' && i.typeOnly) ||
        to === 'commander' ||
        to.startsWith('node:') ||
        builtins.has(to);
      expect(allowed, `${path.relative(SRC, i.from)} imports ${i.relative ? path.relative(SRC, i.to) : i.to}`).toBe(true);
    }
  });

  it('no command imports another command: what two commands share lives in the engine', () => {
    const commands = new Set(['check.ts', 'build.ts', 'units.ts', 'init.ts', 'schema.ts'].map((f) => path.join(SRC, 'cli', f)));
    for (const i of internal) {
      if (commands.has(i.from)) expect(commands.has(i.to), `${path.relative(SRC, i.from)} imports ${path.relative(SRC, i.to)}`).toBe(false);
    }
  });

  it('the checks above can fail: they see a real import of each kind', () => {
    // A parser that saw nothing would pass everything above.
    expect(internal.some((i) => place(i.from) === 'cli/' && place(i.to) === 'pipeline/' && !i.typeOnly)).toBe(true);
    expect(internal.some((i) => i.typeOnly)).toBe(true);
    expect(imports.some((i) => !i.relative && i.to === 'docx')).toBe(true);
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toEqual(['a', 'b', 'a']);
  });
});
