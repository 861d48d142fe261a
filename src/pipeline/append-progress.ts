/**
 * import-progress's write: new dated progress reports appended to measures' `progress` lists, as
 * insertions into the YAML source and nothing else, so every byte of the old file (comments, key
 * order, quoting, layout) stays where it was. Like --fix (fix-plans.ts), the result is proven
 * before it is kept: parsed again, it must equal the old plan with exactly these reports appended.
 * Pure: the caller writes.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { type LoadedPlan, type PlanPath, parsePlan } from '../plan/load-plan.js';
import type { ProgressReport } from '../plan/model.js';
import { valueAt } from '../plan/path-values.js';

export interface ProgressAddition {
  /** The measure's path in the plan. */
  path: PlanPath;
  /** Its label (第二部分第 3 项), for messages. */
  label: string;
  reports: ProgressReport[];
}

interface Insertion {
  at: number;
  text: string;
}

/** The new source, or why some measure cannot take its reports (then nothing is changed). */
export function appendProgress(loaded: LoadedPlan, additions: readonly ProgressAddition[]): { source: string } | { diagnostics: Diagnostic[] } {
  const insertions: Insertion[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const addition of additions) {
    const insertion = insertionFor(loaded, addition);
    if (typeof insertion === 'string') {
      diagnostics.push(
        makeDiagnostic('form-progress', `${addition.label}：${insertion}，无法追加填报表读回的进展`, { file: loaded.file, span: loaded.locate([...addition.path, 'progress']), path: [...addition.path, 'progress'] }),
      );
    } else insertions.push(insertion);
  }
  if (diagnostics.length) return { diagnostics };
  const source = applyInsertions(loaded.source, insertions);
  if (!provesAppend(loaded, source, additions)) {
    return {
      diagnostics: [
        makeDiagnostic('form-progress', '追加进展后重新读出的计划与预期不符（文件写法特殊），已放弃修改：请手动追加，或把 progress 改为常见的块状写法', { file: loaded.file }),
      ],
    };
  }
  return { source };
}

/** Where the reports go in the source, as text at the right indentation; a string says why they cannot. */
function insertionFor(loaded: LoadedPlan, addition: ProgressAddition): Insertion | string {
  const { source, document } = loaded;
  const measure = document.getIn(addition.path, true);
  if (!isMap(measure) || measure.flow || !measure.range) return '这项举措写成了流式映射（{ … }）';
  const progress = measure.get('progress', true) as unknown;
  if (progress === undefined) {
    const firstKey = (measure as YAMLMap).items[0]?.key;
    if (!isScalar(firstKey) || !firstKey.range) return '这项举措的写法无法识别';
    const indent = columnOf(source, firstKey.range[0]);
    return { at: lineEndAfter(source, measure.range[1]), text: `${' '.repeat(indent)}progress:\n${reportLines(addition.reports, indent + 2)}` };
  }
  if (isMap(progress)) return '这项举措的 progress 是不带日期的单条进展，请先把它改为带日期（date）的进展列表';
  if (!isSeq(progress) || (progress as YAMLSeq).flow || !progress.range) return '这项举措的 progress 写成了流式列表（[ … ]）';
  const first = (progress as YAMLSeq).items[0] as { range?: [number, number, number] } | undefined;
  if (!first?.range) return '这项举措的 progress 是空列表';
  const lineStart = source.lastIndexOf('\n', first.range[0] - 1) + 1;
  const prefix = source.slice(lineStart, first.range[0]);
  const dash = /^( *)- +$/.exec(prefix);
  if (!dash) return '这项举措的 progress 列表写法无法识别';
  return { at: lineEndAfter(source, progress.range[1]), text: reportLines(addition.reports, dash[1]!.length) };
}

/** The reports as block-sequence items at `indent`: keys in the plan format's order, values as a flow map, no line folding. */
function reportLines(reports: readonly ProgressReport[], indent: number): string {
  const ordered = reports.map((r) => ({
    date: r.date,
    status: r.status,
    ...(r.result !== undefined ? { result: r.result } : {}),
    ...(r.values !== undefined ? { values: r.values } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  }));
  const doc = new Document(ordered);
  for (const item of (doc.contents as YAMLSeq).items) {
    const values = (item as YAMLMap).get('values', true);
    if (isMap(values)) values.flow = true;
  }
  const text = doc.toString({ lineWidth: 0 });
  return text
    .split('\n')
    .filter((line, i, all) => !(i === all.length - 1 && line === ''))
    .map((line) => `${' '.repeat(indent)}${line}\n`)
    .join('');
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The start of the line after the one `offset` ends on (a node's end may already be past its newline). */
function lineEndAfter(source: string, offset: number): number {
  if (offset > 0 && source[offset - 1] === '\n') return offset;
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

function applyInsertions(source: string, insertions: readonly Insertion[]): string {
  // The new lines end as the file's own do (a file saved on Windows keeps CRLF throughout).
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  let out = source;
  for (const { at, text } of [...insertions].sort((a, b) => b.at - a.at)) {
    // A file without a final newline: the new lines start on a line of their own.
    const lead = at === out.length && out.length > 0 && !out.endsWith('\n') ? eol : '';
    out = out.slice(0, at) + lead + text.replace(/\n/g, eol) + out.slice(at);
  }
  return out;
}

/** The new source parses to the old plan with exactly the additions appended, and to nothing else. */
function provesAppend(loaded: LoadedPlan, source: string, additions: readonly ProgressAddition[]): boolean {
  const reparsed = parsePlan(loaded.file, new TextEncoder().encode(source)).loaded;
  if (!reparsed) return false;
  const expected = loaded.document.toJS() as unknown;
  for (const { path, reports } of additions) {
    const measure = valueAt(expected, path) as Record<string, unknown> | undefined;
    if (!measure || typeof measure !== 'object') return false;
    const list = (measure.progress ??= []) as unknown[];
    if (!Array.isArray(list)) return false;
    for (const r of reports) list.push(JSON.parse(JSON.stringify(r)) as unknown);
  }
  return isDeepStrictEqual(reparsed.document.toJS(), expected);
}

