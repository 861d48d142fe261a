/**
 * A recognized plan → the text of a plan file, through the yaml library's Document API (never
 * by joining strings): the schema modeline first, keys in the format's order as the recognizer
 * built them, long text as block scalars, and a `# 导入：…` comment before every place the import
 * guessed. Every string reads back as exactly itself; the library quotes what needs quoting.
 */
import { Document, isMap, isScalar, isSeq, type Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ImportGuess, PlanPathKey } from './import-guess.js';

/** Where an imported plan is usually written: plans/ beside the repository's schemas/. */
export const SCHEMA_MODELINE = '# yaml-language-server: $schema=../schemas/plan.schema.json';

/** Past this many characters a paragraph reads better as a block scalar than as one long line. */
const BLOCK_FROM = 60;

/**
 * Block scalars keep the text exactly when it has no leading or trailing white space, no
 * carriage return and no character YAML must escape; other text stays a quoted scalar.
 */
function fitsBlock(text: string): boolean {
  return !/^\s|\s$|\r|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);
}

/** Past this many characters a list of names or a target reads better on lines of its own. */
const FLOW_UP_TO = 60;

/** The scalars of a list or map when it holds nothing else, else undefined. */
function scalarsOf(node: YAMLMap | YAMLSeq): Scalar[] | undefined {
  const values = isMap(node) ? node.items.map((p) => p.value) : node.items;
  return values.every((v) => isScalar(v) && !String(v.value).includes('\n')) ? (values as Scalar[]) : undefined;
}

/**
 * As the examples write them: short lists of units and targets on one line
 * (`responsible: [区委宣传部, 区委党校]`), long text as block scalars.
 */
const FLOW_KEYS = new Set(['recipients', 'lead', 'responsible', 'cc', 'signers', 'letterhead', 'targets', 'salutation', 'columns']);

function styleStrings(node: unknown, key?: unknown): void {
  if (isMap(node) || isSeq(node)) {
    const collection = node as YAMLMap | YAMLSeq;
    const scalars = scalarsOf(collection);
    const width = scalars?.reduce((sum, v) => sum + String(v.value).length + 2, 0) ?? Infinity;
    if (FLOW_KEYS.has(String(key)) && scalars && scalars.length > 0 && width <= FLOW_UP_TO) {
      collection.flow = true;
      return;
    }
    for (const item of collection.items) {
      // A target inside `targets:` is flowed as a whole map: { name: …, value: 2, unit: 期 }.
      if (isMap(node)) styleStrings((item as { value: unknown }).value, isScalar((item as { key: unknown }).key) ? (item as { key: Scalar }).key.value : undefined);
      else styleStrings(item, key === 'targets' ? 'targets' : undefined);
    }
    return;
  }
  if (isScalar(node) && typeof node.value === 'string') {
    const text = node.value;
    if ((text.length > BLOCK_FROM || text.includes('\n')) && fitsBlock(text)) node.type = Scalar.BLOCK_LITERAL;
  }
}

/** The node a guess stands before: the key at the path, or the nearest one that exists. */
function commentTarget(doc: Document, path: PlanPathKey[]): Node | undefined {
  for (let n = path.length; n > 0; n--) {
    const parentPath = path.slice(0, n - 1);
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    const key = path[n - 1]!;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return pair.key;
    } else if (isSeq(parent) && typeof key === 'number') {
      const item = parent.items[key];
      if (item) return item as Node;
    }
  }
  return undefined;
}

export interface WrittenPlan {
  text: string;
  /** Guesses written as comments (all of them: one that finds no key goes at the top). */
  guesses: number;
}

export function writePlanYaml(plan: Record<string, unknown>, guesses: readonly ImportGuess[], source: string): WrittenPlan {
  const doc = new Document(plan, { keepUndefined: false });
  styleStrings(doc.contents);
  const top: string[] = [` 由 workplan import 从“${source.replace(/[\r\n]+/g, ' ')}”导入；请核对标有“导入：”的地方`];
  const notes = new Map<Node, string[]>();
  for (const g of guesses) {
    // Verbatim source text goes under its message a line at a time, each line its own comment.
    const kept = g.verbatim === undefined ? [] : g.verbatim.split(/\r?\n|\r/).map((line) => ` 　${line}`);
    const message = [` 导入：${g.message.replace(/[\r\n]+/g, ' ')}`, ...kept].join('\n');
    const target = commentTarget(doc, g.path);
    if (!target) top.push(message);
    else notes.set(target, [...(notes.get(target) ?? []), message]);
  }
  for (const [node, lines] of notes) {
    node.commentBefore = [node.commentBefore, ...lines].filter(Boolean).join('\n');
  }
  doc.commentBefore = top.join('\n');
  const body = doc.toString({ lineWidth: 0, indentSeq: true, blockQuote: 'literal', flowCollectionPadding: false });
  return { text: `${SCHEMA_MODELINE}\n${body}`, guesses: guesses.length };
}
