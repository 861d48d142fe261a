/** Turns zod issues into Chinese Diagnostics that point at the right YAML node. */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { core, z } from 'zod';
import { type Diagnostic, type Span, makeDiagnostic } from '../diagnostic.js';
import type { LoaderRuleId } from '../rule-catalog.js';
import { suggestClosest } from '../text/suggest.js';
import { KEY_LABELS } from './model.js';
import { TASK_COLUMN_KEYS, TASK_COLUMN_LABELS } from './task-table-keys.js';
import { keysAt } from './model-keys.js';

type Issue = core.$ZodIssue;
type Range = [number, number, number] | null | undefined;

export interface IssueContext {
  file: string;
  document: Document;
  data: unknown;
  spanOf(range: Range): Span;
  /** The model the data was validated against, for the keys it allows. */
  model: z.ZodType;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值（true/false）',
  array: '列表（每项以“- ”开头）',
  object: '映射（“键: 值”）',
  record: '映射（“键: 值”）',
};

export function zodIssuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const d of issueToDiagnostics(issue, ctx)) {
      // One problem per place: a bad date fails both its pattern and its calendar check.
      const key = `${d.path}|${d.ruleId}|${d.line}:${d.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/**
 * The node a plan path names, like `document.getIn(path, true)`, except that a path running
 * through an alias (`measures: *common`) stops at the alias: the value is the anchor's, but the
 * place to show is where the alias was written, not the top of the file.
 */
export function nodeAtPath(document: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = document.contents;
  for (const key of path) {
    if (isAlias(node)) return node;
    if (isMap(node)) node = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return isNode(node) ? node : undefined;
}

function issueToDiagnostics(issue: Issue, ctx: IssueContext): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const make = (ruleId: LoaderRuleId, message: string, span: Span, at = path): Diagnostic => makeDiagnostic(ruleId, message, { file: ctx.file, span, path: at });
  const nodeSpan = (p: readonly (string | number)[]): Span => {
    return ctx.spanOf(nodeAtPath(ctx.document, p)?.range);
  };
  const last = path[path.length - 1];
  const label = describeKey(last);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const map = ctx.document.getIn(path, true);
      const known = keysAt(ctx.model, path);
      return issue.keys.map((key) => {
        const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
        const span = ctx.spanOf(isNode(pair?.key) ? pair.key.range : undefined);
        const guess = suggestClosest(key, known);
        const hint = guess
          ? `，是否应为“${guess}”？`
          : known.length
            ? `。这里可用的键：${known.join('、')}`
            : '';
        return make('schema-unknown-key', `未知的键“${key}”${hint}`, span, [...path, key]);
      });
    }
    case 'invalid_type': {
      const value = valueAt(ctx.data, path);
      if (value === undefined) {
        const parent = path.slice(0, -1);
        return [make('schema-required', `缺少必填的键“${String(last)}”（${KEY_LABELS[String(last)] ?? String(last)}）`, nodeSpan(parent), path)];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      let message = `${label}应为${expected}，这里是${describeValue(value)}`;
      if (typeof value === 'string' && /[：]/.test(value)) {
        message += '。键和值之间应使用半角冒号加空格“: ”，而不是全角“：”';
      }
      return [make('schema-type', message, nodeSpan(path))];
    }
    case 'invalid_format':
    case 'custom': {
      const table = issue.code === 'custom' ? (issue.params as { ruleId?: string; at?: string } | undefined) : undefined;
      if (table?.ruleId === 'table-column') {
        return [make('table-column', issue.message, table.at === 'key' ? keySpan(ctx, path) : nodeSpan(path))];
      }
      const value = valueAt(ctx.data, path);
      const blank = issue.message === '不能为空';
      if (blank) return [make('schema-empty', `${label}不能为空`, nodeSpan(path))];
      // A rule over the whole plan that a key is missing: said as the message gives it, at the parent.
      if (value === undefined) return [make('schema-required', issue.message, nodeSpan(path.slice(0, -1)))];
      return [make('schema-value', `${label}“${String(value)}”无效：${issue.message}`, nodeSpan(path))];
    }
    case 'invalid_value': {
      const value = valueAt(ctx.data, path);
      // `kind` chooses the model, so each model alone knows only its own value.
      const allowed = path.length === 1 && last === 'kind' ? ['opinion', 'speech'] : issue.values.map(String);
      const guess = typeof value === 'string' ? suggestClosest(value, allowed) : undefined;
      const hint = guess ? `，是否应为“${guess}”？` : '';
      return [
        make('schema-value', `${label}“${String(value)}”无效：应为 ${allowed.join('、')} 之一${hint}`, nodeSpan(path)),
      ];
    }
    case 'invalid_union': {
      const value = valueAt(ctx.data, path);
      if (last !== undefined && typeof path[path.length - 2] === 'string' && path[path.length - 2] === 'attachments') {
        return [
          make('schema-value', `附件“${describeValue(value)}”无效：应为 tasks，或 { title: 附件标题, file: 文件 }`, nodeSpan(path)),
        ];
      }
      // progress is one report or a list of dated ones: the branch that fits the value's shape says what is wrong inside it.
      if (last === 'progress') {
        const branches = (issue as { errors?: Issue[][] }).errors ?? [];
        const fitting = branches.filter((b) => b.length > 0 && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        if (fitting.length === 1) return fitting[0]!.flatMap((i) => issueToDiagnostics({ ...i, path: [...issue.path, ...i.path] } as Issue, ctx));
      }
      if (path.length === 3 && path[0] === 'table' && path[1] === 'columns') return tableColumnDiagnostics(issue, value, path, ctx);
      return [make('schema-value', `${label}的值无效`, nodeSpan(path))];
    }
    case 'too_small': {
      if (issue.origin === 'array') {
        return [make('schema-value', `${label}至少需要 ${String(issue.minimum)} 项`, nodeSpan(path))];
      }
      return [make('schema-value', `${label}应不小于 ${String(issue.minimum)}`, nodeSpan(path))];
    }
    case 'too_big':
      return [make('schema-value', `${label}应不大于 ${String(issue.maximum)}`, nodeSpan(path))];
    case 'not_multiple_of':
      return [make('schema-value', `${label}应为整数`, nodeSpan(path))];
    default:
      return [make('schema-value', `${label}的值无效`, nodeSpan(path))];
  }
}

/** Span of the key of the pair a path ends in (a measure's `columns` entry), or of the value when there is no pair. */
function keySpan(ctx: IssueContext, path: readonly (string | number)[]): Span {
  const map = ctx.document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === last) : undefined;
  const node = isNode(pair?.key) ? pair.key : nodeAtPath(ctx.document, path);
  return ctx.spanOf(isNode(node) ? node.range : undefined);
}

const COLUMN_HINT = `内置的列：${TASK_COLUMN_KEYS.map((k) => `${k}（${TASK_COLUMN_LABELS[k]}）`).join('、')}；改写表头写成 { key: task, title: 重点任务 }，自定义的列写成 { title: 分值 }`;

/**
 * A column of table.columns that is neither a built-in key nor { key?, title }: an unknown key is
 * said with a guess and the list; a column written as a mapping is judged as one.
 */
function tableColumnDiagnostics(issue: Extract<Issue, { code: 'invalid_union' }>, value: unknown, path: (string | number)[], ctx: IssueContext): Diagnostic[] {
  const at = (p: (string | number)[], message: string) => {
    const node = nodeAtPath(ctx.document, p);
    return [makeDiagnostic('table-column', message, { file: ctx.file, span: ctx.spanOf(isNode(node) ? node.range : undefined), path: p })];
  };
  const unknown = (key: string, p: (string | number)[]) => {
    const guess = suggestClosest(key, [...TASK_COLUMN_KEYS]);
    return at(p, `分工表的列“${key}”不是内置的列${guess ? `，是否应为“${guess}”？` : '。'}${COLUMN_HINT}`);
  };
  if (typeof value === 'string') return unknown(value, path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return at(path, `分工表的列应为内置列的名字或映射，这里是${describeValue(value)}。${COLUMN_HINT}`);
  }
  const key = (value as { key?: unknown }).key;
  if (typeof key === 'string' && !(TASK_COLUMN_KEYS as readonly string[]).includes(key)) return unknown(key, [...path, 'key']);
  // The mapping branch's own problems (a missing title, an unknown key), each at its place.
  const mapping = issue.errors[issue.errors.length - 1] ?? [];
  return zodIssuesToDiagnostics(mapping.map((i) => ({ ...i, path: [...path, ...i.path] })) as Issue[], ctx);
}

function describeKey(key: string | number | undefined): string {
  if (key === undefined) return '文件';
  if (typeof key === 'number') return `第 ${key + 1} 项`;
  const label = KEY_LABELS[key];
  return label ? `${label}（${key}）` : `“${key}”`;
}

function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '映射';
  if (typeof value === 'string') return `文本“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return `布尔值 ${value}`;
  return typeof value;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}
