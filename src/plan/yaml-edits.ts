/**
 * Changes to a plan's YAML source as range edits of its text, so everything the change does not
 * touch (comments, key order, quoting, folding, blank lines) stays byte for byte. Each edit says
 * where and what; the caller applies them together and proves the result by parsing it again.
 * A value is written plain when YAML reads it back unchanged, else double-quoted; new entries of
 * a block mapping or list take the indentation of their neighbours. Pure.
 */
import { Document, isMap, isScalar, isSeq, parse, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LoadedPlan, PlanPath } from './load-plan.js';

export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/** A string or number as one line of YAML: plain when that reads back as the same value. */
export function inlineScalar(value: string | number, flow = false): string {
  if (typeof value === 'number') return String(value);
  const plain = !/[\n\r\t]/.test(value) && value === value.trim() && value !== '' && !(flow && /[,[\]{}]/.test(value));
  if (plain) {
    try {
      const back = parse(`k: ${flow ? `[${value}]` : value}`) as { k: unknown };
      if ((flow ? (back.k as unknown[])[0] : back.k) === value && (!flow || (back.k as unknown[]).length === 1)) return value;
    } catch {
      // Not plain-safe: quoted below.
    }
  }
  return JSON.stringify(value);
}

/** A value as inline YAML: a scalar, or a list of scalars as a flow list. */
function inlineValue(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return inlineScalar(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return `[${(value as (string | number)[]).map((v) => inlineScalar(v, true)).join(', ')}]`;
  }
  return undefined;
}

const columnOf = (source: string, offset: number) => offset - (source.lastIndexOf('\n', offset - 1) + 1);
const lineStartOf = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;

/** The start of the line after the one `offset` ends on (a node's end may already be past its newline). */
function lineEndAfter(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] === '\n') return offset;
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

/** The value at `path` replaced (a scalar, or a list of scalars); a string says why it cannot be. */
export function replaceValue(loaded: LoadedPlan, path: PlanPath, value: unknown): TextEdit | string {
  const node = loaded.document.getIn(path, true) as Node | undefined;
  const text = inlineValue(value);
  if (text === undefined) return '新值不是文字或单位列表';
  if (!node || !node.range) return '原值的位置无法确定';
  if (!isScalar(node) && !isSeq(node)) return '原值不是文字或列表';
  // A block list starts on the line after its key: the flow list goes where its first item was.
  return { from: node.range[0], to: node.range[1], text };
}

/**
 * The list at `path` replaced by these mappings (a measure's targets): a block list keeps its
 * layout, one `- { … }` line per item at its indentation; a flow list stays one flow list.
 */
export function replaceMappings(loaded: LoadedPlan, path: PlanPath, values: readonly Record<string, unknown>[]): TextEdit | string {
  const { source } = loaded;
  const node = loaded.document.getIn(path, true) as Node | undefined;
  if (!isSeq(node) || !node.range || values.length === 0) return '原值不是列表';
  const doc = new Document(values);
  for (const item of (doc.contents as YAMLSeq).items) (item as YAMLMap).flow = true;
  if ((node as YAMLSeq).flow) {
    (doc.contents as YAMLSeq).flow = true;
    return { from: node.range[0], to: node.range[1], text: doc.toString({ lineWidth: 0 }).trimEnd() };
  }
  const indent = columnOf(source, node.range[0]);
  const lines = doc.toString({ lineWidth: 0 }).trimEnd().split('\n');
  // A block list's range runs past its last newline: the edit ends where its last item does.
  const last = ((node as YAMLSeq).items.at(-1) as Node | undefined)?.range;
  if (!last) return '原列表无法定位';
  return { from: node.range[0], to: last[1], text: lines.join(`\n${' '.repeat(indent)}`) };
}

/** A new key in the block mapping at `mapPath`, on its own line after the entry of `after` (else the last entry). */
export function addKey(loaded: LoadedPlan, mapPath: PlanPath, key: string, value: unknown, after?: string): TextEdit | string {
  const { source } = loaded;
  const map = loaded.document.getIn(mapPath, true) as Node | undefined;
  if (!isMap(map) || map.flow || !map.range) return '所在的映射写成了流式（{ … }）或无法识别';
  const items = (map as YAMLMap).items;
  const first = items[0]?.key;
  if (!isScalar(first) || !first.range) return '所在的映射无法识别';
  const text = inlineValue(value);
  if (text === undefined) return '新值不是文字或单位列表';
  const anchor = (after !== undefined ? items.find((p) => isScalar(p.key) && p.key.value === after) : undefined) ?? items[items.length - 1]!;
  const end = (anchor.value as Node | null)?.range?.[2] ?? (anchor.key as Node).range![2];
  const at = lineEndAfter(source, end);
  const lead = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { from: at, to: at, text: `${lead}${' '.repeat(columnOf(source, first.range[0]))}${key}: ${text}\n` };
}

/** Block-list items of mappings (measures) at `seqPath`, inserted before item `index` (or at the end). */
export function insertItems(loaded: LoadedPlan, seqPath: PlanPath, index: number, values: readonly Record<string, unknown>[]): TextEdit | string {
  const { source } = loaded;
  const seq = loaded.document.getIn(seqPath, true) as Node | undefined;
  if (!isSeq(seq) || seq.flow || !seq.range) return '所在的列表写成了流式（[ … ]）或无法识别';
  const items = (seq as YAMLSeq).items as Node[];
  const first = items[0];
  if (!first?.range) return '所在的列表是空的';
  const dash = /^( *)- +$/.exec(source.slice(lineStartOf(source, first.range[0]), first.range[0]));
  if (!dash) return '所在的列表写法无法识别';
  const next = items[index];
  const at = next?.range ? lineStartOf(source, next.range[0]) : lineEndAfter(source, seq.range[1]);
  const lead = at === source.length && !source.endsWith('\n') ? '\n' : '';
  return { from: at, to: at, text: lead + blockItems(values, dash[1]!.length) };
}

/** Item `index` of the block list at `seqPath` taken out, its lines with it. */
export function removeItem(loaded: LoadedPlan, seqPath: PlanPath, index: number): TextEdit | string {
  const { source } = loaded;
  const seq = loaded.document.getIn(seqPath, true) as Node | undefined;
  if (!isSeq(seq) || seq.flow || !seq.range) return '所在的列表写成了流式（[ … ]）或无法识别';
  const items = (seq as YAMLSeq).items as Node[];
  const item = items[index];
  if (!item?.range) return '要删去的一项无法定位';
  if (items.length === 1) return '这是列表里唯一的一项';
  const from = lineStartOf(source, item.range[0]);
  const next = items[index + 1];
  const to = next?.range ? lineStartOf(source, next.range[0]) : lineEndAfter(source, item.range[2]);
  return { from, to, text: '' };
}

/** Where a block list's items stand in the source: each item's lines, and where a new last item would go. */
export interface ListLayout {
  /** Column of the items' dashes. */
  indent: number;
  /** Source [from, to) of item i: from the start of its line to the start of the next item's. */
  chunk(i: number): [number, number];
  /** Where text inserted before item i goes (i = the item count: after the last). */
  before(i: number): number;
  count: number;
}

export function listLayout(loaded: LoadedPlan, seqPath: PlanPath): ListLayout | string {
  const { source } = loaded;
  const seq = loaded.document.getIn(seqPath, true) as Node | undefined;
  if (!isSeq(seq) || seq.flow || !seq.range) return '所在的列表写成了流式（[ … ]）或无法识别';
  const items = (seq as YAMLSeq).items as Node[];
  const first = items[0];
  if (!first?.range || items.some((item) => !item.range)) return '所在的列表无法识别';
  const dash = /^( *)- +$/.exec(source.slice(lineStartOf(source, first.range[0]), first.range[0]));
  if (!dash) return '所在的列表写法无法识别';
  const end = lineEndAfter(source, seq.range[1]);
  const before = (i: number) => (i < items.length ? lineStartOf(source, items[i]!.range![0]) : end);
  return { indent: dash[1]!.length, chunk: (i) => [before(i), i + 1 < items.length ? before(i + 1) : lineEndAfter(source, items[i]!.range![2])], before, count: items.length };
}

/**
 * Mappings as block-list items at `indent`, keys in the order given, no line folding. Shallow (a
 * measure): every nested list or mapping on one line. Deep (a part with its measures): lists of
 * mappings stay block lists, lists of words and the small mappings (a target, values, columns) flow.
 */
export function blockItems(values: readonly Record<string, unknown>[], indent: number, deep = false): string {
  const doc = new Document(values);
  const flowSmall = (node: unknown): void => {
    if (isSeq(node)) {
      const items = node.items as unknown[];
      if (items.every((i) => isScalar(i))) node.flow = true;
      else for (const i of items) flowSmall(i);
    } else if (isMap(node)) {
      const allScalar = node.items.every((p) => isScalar(p.value));
      if (allScalar && node !== undefined && !node.items.some((p) => isScalar(p.key) && p.key.value === 'title')) node.flow = true;
      else for (const p of node.items) flowSmall(p.value);
    }
  };
  for (const item of (doc.contents as YAMLSeq).items) {
    for (const pair of (item as YAMLMap).items) {
      if (!(isSeq(pair.value) || isMap(pair.value))) continue;
      if (deep) flowSmall(pair.value);
      else pair.value.flow = true;
    }
  }
  return doc
    .toString({ lineWidth: 0 })
    .split('\n')
    .filter((line, i, all) => !(i === all.length - 1 && line === ''))
    .map((line) => `${' '.repeat(indent)}${line}\n`)
    .join('');
}

/** Non-overlapping edits applied in one sweep; new lines end as the file's own do (CRLF stays CRLF). */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) throw new Error('重叠的改动');
    pieces.push(source.slice(at, e.from), eol === '\n' ? e.text : e.text.replace(/\n/g, eol));
    at = e.to;
  }
  pieces.push(source.slice(at));
  return pieces.join('');
}
