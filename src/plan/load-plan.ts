/**
 * load: bytes → YAML Document (ranges kept) → zod-validated Plan.
 * Every problem a user can cause becomes a Diagnostic; nothing here throws for bad input.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAlias, isMap, isNode, isScalar, LineCounter, Parser, parseDocument, visit, type Document, type Node } from 'yaml';
import { type Diagnostic, type Span, makeDiagnostic } from '../diagnostic.js';
import type { LoaderRuleId } from '../rule-catalog.js';
import type { ZodType } from 'zod';
import { modelFor, type PlanFile } from './model.js';
import { nodeAtPath, zodIssuesToDiagnostics } from './zod-diagnostics.js';
import { yamlMessage, yamlRuleId } from './yaml-messages.js';

/** Plans are kilobytes to a few megabytes (10,000 measures take about 7 MB); more is a mistake or an attack. */
export const MAX_PLAN_BYTES = 16 * 1024 * 1024;
/** Aliases expanded while converting to JS; a billion-laughs file needs far more. */
export const MAX_ALIAS_COUNT = 100;

export type PlanPath = readonly (string | number)[];

/** A parsed plan plus what rules need to point back into the source. */
export interface LoadedPlan {
  file: string;
  source: string;
  plan: PlanFile;
  document: Document;
  /** Source span of the node at a plan path; the nearest existing ancestor when the path is absent. */
  locate(path: PlanPath): Span;
  /** 1-based line and column of a source offset. */
  positionOf(offset: number): { line: number; column: number };
  /** The file began with a UTF-8 byte-order mark (not part of `source`); --fix writes it back. */
  bom: boolean;
  /** The plan a speech file's `figures:` names, loaded by the pipeline (rules never read files). */
  figures?: PlanFile;
  /** Where that plan is (absolute), readable or not: `build --watch` watches it too. */
  figuresFile?: string;
}

export interface LoadResult {
  file: string;
  loaded?: LoadedPlan;
  diagnostics: Diagnostic[];
}

/** Told the size of a plan's bytes once they are read, before they are parsed. */
export type BeforeParse = (bytes: number) => void;

/** Reads and validates one plan file. `file` is what diagnostics show (usually a relative path). */
export async function loadPlanFile(file: string, absolutePath = file, beforeParse?: BeforeParse): Promise<LoadResult> {
  const info = await stat(absolutePath);
  if (info.size > MAX_PLAN_BYTES) {
    return fileProblem(
      file,
      'file-too-large',
      `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB），计划文件不应超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB`,
    );
  }
  const bytes = await readFile(absolutePath);
  beforeParse?.(bytes.length);
  return parsePlan(file, bytes);
}

/** The path that names standard input, and the name diagnostics give it. */
export const STDIN_PATH = '-';
export const STDIN_NAME = '<stdin>';

/** A plan piped in (`workplan check -`), read to its end, under the same size bound as a file. */
export async function loadPlanStream(file: string, stream: AsyncIterable<Uint8Array>, beforeParse?: BeforeParse): Promise<LoadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_PLAN_BYTES) {
      return fileProblem(file, 'file-too-large', `输入过大（超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB），计划文件不应超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  beforeParse?.(size);
  return parsePlan(file, Buffer.concat(chunks));
}

/** Pure half of the loader: bytes in, plan and diagnostics out. */
export function parsePlan(file: string, bytes: Uint8Array): LoadResult {
  const result = parseYamlFile(file, bytes, modelFor, { emptyMessage: '文件是空的：计划至少需要 title、date 和 sections' });
  if (!result.parsed) return { file, diagnostics: result.diagnostics };
  const { value, document, source, locate, positionOf } = result.parsed;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { file, loaded: { file, source, plan: value as PlanFile, document, locate, positionOf, bom }, diagnostics: [] };
}

export interface ParsedYaml {
  value: unknown;
  document: Document;
  source: string;
  locate(path: PlanPath): Span;
  positionOf(offset: number): { line: number; column: number };
}

export interface YamlFileOptions {
  /** Message for an empty file; when absent, an empty file is the empty mapping. */
  emptyMessage?: string;
}

/**
 * Decodes, parses and validates one YAML file against the model `pickModel` chooses for its data.
 * Shared by plan files and workplan.config.yaml, so both report problems the same way.
 */
export function parseYamlFile(
  file: string,
  bytes: Uint8Array,
  pickModel: (data: unknown) => ZodType,
  options: YamlFileOptions = {},
): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') {
    return {
      diagnostics: [makeDiagnostic('file-encoding', '文件不是 UTF-8 编码（可能是 GBK/GB2312）：请在编辑器中另存为 UTF-8', { file, span: decoded })],
    };
  }
  const source = decoded;
  // YAML ends a line at CR LF, LF or a lone CR (old Mac editors); the yaml library knows only the
  // first two. A lone CR read as LF is the same length, so every offset, line and column holds
  // for the file as written, and --fix edits `source`, keeping its line ends.
  const yamlText = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lineCounter = new LineCounter();
  // stringKeys: a map or list used as a key is an error (NON_STRING_KEY), not a warning printed by Node.
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, stringKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const spanOf = (range: [number, number, number] | null | undefined): Span => {
    if (!range) return { line: 1, column: 1 };
    const start = at(range[0]);
    const end = at(Math.max(range[0], range[1]));
    return { ...start, endLine: end.line, endColumn: end.column };
  };

  if (document.errors.length > 0) {
    return {
      diagnostics: document.errors.map((error) => {
        const quote = error.code === 'MISSING_CHAR' ? /Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
        const opened = quote === undefined ? undefined : unclosedQuoteStart(yamlText, quote, error.pos[0]);
        if (opened !== undefined) {
          // The end of the last line, not the empty line after the final line break.
          const end = at(error.pos[0] >= yamlText.length && yamlText.endsWith('\n') ? yamlText.length - 1 : error.pos[0]);
          const name = quote === '"' ? '双引号' : '单引号';
          const until = error.pos[0] >= yamlText.length ? '文件末尾' : `第 ${end.line} 行第 ${end.column} 列`;
          return {
            ...makeDiagnostic('yaml-syntax', `这里开始的${name}到${until}都没有闭合：请在这段文字末尾补上 ${quote}`, { file, span: at(opened) }),
            related: [{ ...end, message: `${name}应在此前闭合` }],
          };
        }
        return makeDiagnostic(yamlRuleId(error.code), yamlMessage(error.code, error.message), { file, span: at(error.pos[0]) });
      }),
    };
  }

  const root = document.contents;
  if (root === null || (isNode(root) && 'value' in root && root.value === null && !isMap(root))) {
    if (options.emptyMessage) return fileProblem(file, 'file-empty', options.emptyMessage);
    const locateNothing = (): Span => ({ line: 1, column: 1 });
    return validate({}, document, locateNothing);
  }
  if (!isMap(root)) {
    return {
      diagnostics: [
        makeDiagnostic(
          'schema-root',
          isScalar(root) && typeof root.value === 'string' && root.value.includes('：')
            ? '文件顶层应是“键: 值”形式的映射：键后应使用半角冒号加空格“: ”，而不是全角“：”'
            : '文件顶层应是“键: 值”形式的映射（例如 title: …），而不是列表或单个值',
          { file, span: spanOf(root.range) },
        ),
      ],
    };
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // A stack overflow: nesting too deep to turn into data, wherever it is.
    if (error instanceof RangeError) return { diagnostics: [makeDiagnostic('yaml-syntax', yamlMessage('RESOURCE_EXHAUSTION'), { file, span: spanOf(root.range) })] };
    // An alias before (or without) its anchor: said so, at that alias.
    if (error instanceof ReferenceError) {
      let unresolved: Node | undefined;
      visit(document, {
        Alias(_, node) {
          if (node.resolve(document) !== undefined) return undefined;
          unresolved = node;
          return visit.BREAK;
        },
      });
      if (unresolved && isAlias(unresolved)) {
        const name = unresolved.source;
        return {
          diagnostics: [
            makeDiagnostic('yaml-syntax', `别名“*${name}”找不到锚点：锚点“&${name}”须写在别名之前`, { file, span: spanOf(unresolved.range) }),
          ],
        };
      }
    }
    // Otherwise yaml throws only for alias expansion past the limit; point at the first alias.
    let first: Node | undefined;
    visit(document, {
      Alias(_, node) {
        first = node;
        return visit.BREAK;
      },
    });
    return {
      diagnostics: [
        makeDiagnostic('yaml-alias-limit', `别名（*引用）展开次数过多（上限 ${MAX_ALIAS_COUNT}），疑似“别名炸弹”：请直接写出内容`, {
          file,
          span: spanOf(first?.range),
        }),
      ],
    };
  }

  const locate = (path: PlanPath): Span => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAtPath(document, path.slice(0, n));
      if (node) return spanOf(node.range);
    }
    return { line: 1, column: 1 };
  };

  return validate(data, document, locate);

  function validate(value: unknown, doc: Document, where: (path: PlanPath) => Span) {
    const model = pickModel(value);
    const parsed = model.safeParse(value);
    if (!parsed.success) {
      return { diagnostics: zodIssuesToDiagnostics(parsed.error.issues, { file, document: doc, data: value, spanOf, model }) };
    }
    return { parsed: { value: parsed.data, document: doc, source, locate: where, positionOf: at }, diagnostics: [] };
  }
}

/**
 * Where a quoted scalar that runs to `end` without its closing quote opens: the parser reports
 * the end of the file, but the writer needs the place where the quote began.
 */
function unclosedQuoteStart(source: string, quote: string, end: number): number | undefined {
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  let found: number | undefined;
  const walk = (token: unknown): void => {
    if (found !== undefined || token === null || typeof token !== 'object') return;
    const t = token as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === type && typeof t.offset === 'number' && typeof t.source === 'string' && t.offset + t.source.length === end) {
      found = t.offset;
      return;
    }
    for (const value of Object.values(token)) walk(value);
  };
  for (const token of new Parser().parse(source)) walk(token);
  return found;
}

function fileProblem(file: string, ruleId: LoaderRuleId, message: string): LoadResult {
  return { file, diagnostics: [makeDiagnostic(ruleId, message, { file })] };
}

/** UTF-8 text without BOM, or the position of the first byte that is not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | { line: number; column: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { line, column };
  }
}

