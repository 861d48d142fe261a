/**
 * `workplan lsp`: the language server an editor starts (stdio). One warm process: the engine,
 * rules and schema are loaded once, and every check of an open plan is the same `check` would run
 * on the saved file (config, figures, suppressions included), so what is underlined in the editor
 * is exactly what CI will say.
 *
 * Checks are throttled rather than delayed: the first edit after a pause is checked at once, and
 * while the writer keeps typing at most one check runs per THROTTLE_MS, on the latest text.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  CompletionItemKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  type DocumentSymbol,
  type Range,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import type { Diagnostic, Span } from '../diagnostic.js';
import { completeAt, type CompletionEntry } from '../editor/plan-completion.js';
import { describeFigure, figureAt, figureValuePath } from '../editor/figure-lookup.js';
import { type OutlineEntry, outlinePlan } from '../editor/plan-outline.js';
import { CONFIG_FILE } from '../plan/find-root.js';
import { buildPlanJsonSchema } from '../plan/json-schema.js';
import { type LoadedPlan, loadPlanFile } from '../plan/load-plan.js';
import { figureSource } from '../rules/figure-source.js';
import type { SourceEdit } from '../rules/types.js';
import { checkPlanText, type OnePlanCheck } from './check-plans.js';
import { fixFinding, fixPlans } from './fix-plans.js';

const THROTTLE_MS = 150;

export interface LanguageServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  version: string;
}

interface Tracked {
  running: boolean;
  again: boolean;
  last: number;
  timer?: NodeJS.Timeout;
  /** The last check, of the document's text at `version`. */
  checked?: { version: number; result: OnePlanCheck; keyed: Map<string, readonly SourceEdit[]> };
  /** The last text that parsed: completion still knows the figures while the writer types. */
  good?: LoadedPlan;
}

/** Starts the server on the streams; resolves when the client ends the session. */
export function serveLanguage(options: LanguageServerOptions): Promise<void> {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  const tracked = new Map<string, Tracked>();
  let schema: Record<string, unknown> | undefined;

  const state = (uri: string): Tracked => {
    let t = tracked.get(uri);
    if (!t) tracked.set(uri, (t = { running: false, again: false, last: 0 }));
    return t;
  };

  const check = async (document: TextDocument): Promise<NonNullable<Tracked['checked']>> => {
    const t = state(document.uri);
    if (t.checked?.version === document.version) return t.checked;
    const file = fileURLToPath(document.uri);
    const result = await checkPlanText(file, document.getText());
    const keyed = new Map<string, readonly SourceEdit[]>();
    for (const [diagnostic, edits] of result.editsOf) keyed.set(keyOf(diagnostic), edits);
    t.checked = { version: document.version, result, keyed };
    if (result.plan.loaded) t.good = result.plan.loaded;
    return t.checked;
  };

  const publish = async (document: TextDocument): Promise<void> => {
    const t = state(document.uri);
    t.running = true;
    t.last = Date.now();
    try {
      const version = document.version;
      const { result } = await check(document);
      // Closed or changed while it ran: the next run publishes.
      if (documents.get(document.uri)?.version !== version) return;
      const own = result.plan.shown;
      const byFile = new Map<string, Diagnostic[]>([[own, []]]);
      for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      for (const [shown, list] of byFile) {
        const uri = shown === own ? document.uri : pathToFileURL(path.resolve(shown)).href;
        await connection.sendDiagnostics({ uri, version, diagnostics: list.map(toLspDiagnostic) });
      }
    } catch (error) {
      connection.console.error(`检查 ${document.uri} 时出错：${(error as Error).message}`);
    } finally {
      t.running = false;
      if (t.again) {
        t.again = false;
        schedule(document.uri);
      }
    }
  };

  const schedule = (uri: string): void => {
    const document = documents.get(uri);
    if (!document || !isPlanDocument(document)) return;
    const t = state(uri);
    if (t.running) {
      t.again = true;
      return;
    }
    if (t.timer) return;
    t.timer = setTimeout(
      () => {
        t.timer = undefined;
        const latest = documents.get(uri);
        if (latest) void publish(latest);
      },
      Math.max(0, t.last + THROTTLE_MS - Date.now()),
    );
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      completionProvider: { triggerCharacters: ['=', '＝', ' ', ',', '，', '['] },
      hoverProvider: true,
      definitionProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'workplan', version: options.version },
  }));

  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    const t = tracked.get(document.uri);
    if (t?.timer) clearTimeout(t.timer);
    tracked.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  // A saved plan may be another open file's `figures:`, and a saved config changes every check.
  const recheckOthers = (except?: string): void => {
    for (const document of documents.all()) {
      if (document.uri === except) continue;
      const t = tracked.get(document.uri);
      if (t) delete t.checked;
      schedule(document.uri);
    }
  };
  documents.onDidSave(({ document }) => recheckOthers(document.uri));
  connection.onDidChangeWatchedFiles(() => recheckOthers());

  connection.onCodeAction(async ({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isPlanDocument(document)) return [];
    const { result, keyed } = await check(document);
    const loaded = result.plan.loaded;
    if (!loaded) return [];
    const actions: CodeAction[] = [];
    const only = context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        const edits = keyed.get(keyFromLsp(diagnostic));
        if (!edits) continue;
        const after = fixFinding(loaded, edits);
        if (after === undefined) continue;
        actions.push({
          title: `修正：${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [replacement(document, loaded.source, after)] }] },
        });
      }
    }
    if (wants(CodeActionKind.SourceFixAll) && result.plan.edits.length) {
      const fixed = fixPlans({ plans: [result.plan], diagnostics: result.diagnostics }).fixes[0];
      if (fixed) {
        actions.push({
          title: '修正全部可自动修正的问题（同 workplan check --fix）',
          kind: `${CodeActionKind.SourceFixAll}.workplan`,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [replacement(document, fixed.before, fixed.after)] }] },
        });
      }
    }
    return actions;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isPlanDocument(document)) return [];
    const { result } = await check(document);
    const t = state(document.uri);
    const loaded = result.plan.loaded ?? t.good;
    const source = loaded ? figureSource(loaded) : undefined;
    schema ??= buildPlanJsonSchema();
    const text = document.getText();
    const entries = completeAt(text, document.offsetAt(position), {
      config: result.plan.config.config,
      ...(source?.kind === 'index' ? { figures: source.index } : {}),
      schema,
    });
    return entries.map((entry) => toCompletionItem(document, entry));
  });

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isPlanDocument(document)) return null;
    const loaded = (await check(document)).result.plan.loaded;
    if (!loaded) return null;
    const found = figureAt(loaded, document.offsetAt(position));
    if (!found) return null;
    const from = loaded.figuresFile ? `计划“${path.basename(loaded.figuresFile)}”` : '本计划';
    return { contents: { kind: 'markdown', value: describeFigure(found, from) }, range: toRange(found.span) };
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isPlanDocument(document)) return null;
    const loaded = (await check(document)).result.plan.loaded;
    if (!loaded) return null;
    const found = figureAt(loaded, document.offsetAt(position));
    if (found?.resolution?.kind !== 'found') return null;
    const at = figureValuePath(found.resolution.entry);
    if (!loaded.figuresFile) return { uri: document.uri, range: toRange(loaded.locate(at)) };
    // The figures plan as saved: the one the check read.
    const other = await loadPlanFile(loaded.figuresFile, loaded.figuresFile).catch(() => undefined);
    if (!other?.loaded) return null;
    return { uri: pathToFileURL(loaded.figuresFile).href, range: toRange(other.loaded.locate(at)) };
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    if (!document || !isPlanDocument(document)) return [];
    const t = state(document.uri);
    const loaded = (await check(document)).result.plan.loaded ?? t.good;
    return loaded ? outlinePlan(loaded).map(toSymbol) : [];
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.onShutdown(() => {
      for (const t of tracked.values()) if (t.timer) clearTimeout(t.timer);
    });
    connection.listen();
  });
}

/**
 * Plans are YAML files with a plan's top-level keys (or the plan schema's comment); the
 * repository's config, a CI workflow or another tool's YAML opened in the same editor is left alone.
 */
function isPlanDocument(document: TextDocument): boolean {
  if (!document.uri.startsWith('file:')) return false;
  const file = fileURLToPath(document.uri);
  const name = path.basename(file);
  if (!/\.ya?ml$/i.test(name) || name === CONFIG_FILE || file.split(path.sep).some((part) => part.startsWith('.') && part.length > 1)) return false;
  const text = document.getText();
  return text.includes('plan.schema.json') || /^(?:sections|measures|kind|speech)\s*:/m.test(text);
}

const keyOf = (d: Pick<Diagnostic, 'ruleId' | 'line' | 'column' | 'message'>): string => `${d.ruleId}\u0000${d.line}:${d.column}\u0000${d.message}`;
const keyFromLsp = (d: LspDiagnostic): string =>
  keyOf({ ruleId: String(d.code) as Diagnostic['ruleId'], line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === 'string' ? d.message : d.message.value });

/** Lines and columns are 1-based in a Diagnostic, 0-based in the protocol (both count UTF-16 units). */
function toRange(span: Span): Range {
  const start = { line: span.line - 1, character: span.column - 1 };
  const end = span.endLine !== undefined && span.endColumn !== undefined ? { line: span.endLine - 1, character: span.endColumn - 1 } : start;
  const empty = end.line === start.line && end.character === start.character;
  return { start, end: empty ? { line: start.line, character: start.character + 1 } : end };
}

function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.ruleId,
    source: 'workplan',
    message: d.message,
  };
}

/** The fix as one edit over the characters that change, so the editor's undo and cursor stay put. */
function replacement(document: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

const COMPLETION_KINDS = { unit: CompletionItemKind.Value, figure: CompletionItemKind.Variable, key: CompletionItemKind.Property } as const;

function toCompletionItem(document: TextDocument, entry: CompletionEntry): CompletionItem {
  return {
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    ...(entry.detail ? { detail: entry.detail } : {}),
    ...(entry.documentation ? { documentation: entry.documentation } : {}),
    textEdit: { range: { start: document.positionAt(entry.from), end: document.positionAt(entry.to) }, newText: entry.insert },
  };
}

function toSymbol(entry: OutlineEntry): DocumentSymbol {
  const range = toRange(entry.range);
  const selection = toRange(entry.selection);
  const inside =
    (selection.start.line > range.start.line || (selection.start.line === range.start.line && selection.start.character >= range.start.character)) &&
    (selection.end.line < range.end.line || (selection.end.line === range.end.line && selection.end.character <= range.end.character));
  return {
    name: entry.name,
    detail: entry.detail,
    kind: entry.kind === 'part' ? SymbolKind.Namespace : SymbolKind.Function,
    range,
    selectionRange: inside ? selection : range,
    children: entry.children.map(toSymbol),
  };
}
