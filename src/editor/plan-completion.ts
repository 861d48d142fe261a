/**
 * What an editor offers while a plan is typed: the 单位名录's names where a plan names units, the
 * progress values after `{=`, and the plan's keys with their Chinese descriptions where a key
 * begins. Read from the text itself (the line and the lines above it), because the text being typed
 * is seldom valid YAML yet. Pure.
 */
import type { Config } from '../plan/config.js';
import { KEY_LABELS } from '../plan/model.js';
import { type FigureIndex, figureText, referenceFor } from '../speech/figure-references.js';

export interface CompletionEntry {
  label: string;
  kind: 'unit' | 'figure' | 'key';
  detail?: string;
  documentation?: string;
  /** The text put in place of characters [from, to) of the source. */
  insert: string;
  from: number;
  to: number;
}

/** Keys whose values are units: 牵头单位, 责任单位, 主送机关, 抄送机关. */
const UNIT_KEYS = new Set(['lead', 'responsible', 'recipients', 'cc']);
/** A reference opens with a brace and an equals sign, each in either width. */
const FIGURE_OPEN = /[{｛][=＝]([^{}｛｝\n]*)$/;

export interface CompletionContext {
  config: Config;
  /** The values references can name (this plan's, or its `figures:` plan's); none when unreadable. */
  figures?: FigureIndex;
  /** The plan's JSON Schema (draft-07, as `workplan schema` prints it). */
  schema: Record<string, unknown>;
}

export function completeAt(source: string, offset: number, context: CompletionContext): CompletionEntry[] {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const before = source.slice(lineStart, offset);
  const figure = FIGURE_OPEN.exec(before);
  if (figure) return completeFigures(figure[1]!, offset, context.figures);
  const unit = unitValueAt(source, lineStart, before);
  if (unit) return completeUnits(unit.typed, offset, context.config);
  const key = /^(\s*(?:-\s+)*)([^\s:#'"\-[{][^:#]*)?$/.exec(before);
  if (key && !before.trimStart().startsWith('#')) return completeKeys(source, lineStart, key[1]!, key[2] ?? '', offset, context.schema);
  return [];
}

function completeFigures(typed: string, offset: number, index: FigureIndex | undefined): CompletionEntry[] {
  if (!index) return [];
  // After 举措： the name alone is typed; the measure part stays as written.
  const split = Math.max(typed.lastIndexOf(':'), typed.lastIndexOf('：'));
  const name = split >= 0 ? typed.slice(split + 1) : typed;
  const out: CompletionEntry[] = [];
  for (const [label, entries] of index.byName) {
    for (const entry of entries) {
      // Where two measures report a value of one name, the reference names the measure too.
      const reference = split >= 0 ? `{=${label}}` : (referenceFor(entry, index) ?? `{=${label}}`);
      out.push({
        label: entries.length > 1 ? `${label}（${entry.measure.title}）` : label,
        kind: 'figure',
        detail: figureText(entry),
        documentation: `举措“${entry.measure.title}”的最新进展`,
        insert: `${reference.slice(2, -1)}}`,
        from: offset - (split >= 0 ? name.length : typed.length),
        to: offset,
      });
      if (entries.length === 1) break;
    }
  }
  return out;
}

/**
 * The unit being typed, when the cursor stands in a value of a unit key: `lead: 区委统`, an item
 * `- 区委统` under `responsible:`, or inside a flow list `[区委统战部, 区`.
 */
function unitValueAt(source: string, lineStart: number, before: string): { typed: string } | undefined {
  const inline = /^\s*(?:-\s+)*([A-Za-z]+)\s*:\s*(.*)$/.exec(before);
  if (inline) {
    if (!UNIT_KEYS.has(inline[1]!)) return undefined;
    return { typed: lastListItem(inline[2]!) };
  }
  const item = /^(\s*)-\s+([^:#]*)$/.exec(before);
  if (!item) return undefined;
  const parent = parentKeyLine(source, lineStart, item[1]!.length);
  return parent !== undefined && UNIT_KEYS.has(parent) ? { typed: item[2]! } : undefined;
}

function lastListItem(value: string): string {
  const cut = Math.max(value.lastIndexOf('['), value.lastIndexOf(','), value.lastIndexOf('，'));
  return value.slice(cut + 1).trimStart();
}

/** The key of the nearest line above with less indentation (`responsible:` above its items). */
function parentKeyLine(source: string, lineStart: number, indent: number): string | undefined {
  for (const line of linesAbove(source, lineStart)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const own = line.length - line.trimStart().length;
    if (own > indent || (own === indent && line.trimStart().startsWith('-'))) continue;
    return /^\s*(?:-\s+)*([A-Za-z]+)\s*:/.exec(line)?.[1];
  }
  return undefined;
}

function* linesAbove(source: string, lineStart: number): Generator<string> {
  let end = lineStart - 1;
  while (end >= 0) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    yield source.slice(start, end);
    end = start - 1;
  }
}

function completeUnits(typed: string, offset: number, config: Config): CompletionEntry[] {
  return (config.units ?? []).map((u) => ({
    label: u.name,
    kind: 'unit' as const,
    detail: '单位名录',
    ...(u.aliases?.length ? { documentation: `别名：${u.aliases.join('、')}` } : {}),
    insert: u.name,
    from: offset - typed.length,
    to: offset,
  }));
}

/**
 * The mapping the cursor's key belongs to, as a path of keys and `[]` (an item of a list), found by
 * indentation: a line above whose key stands further left is the parent; `- ` opens a list item.
 */
function keyPathAt(source: string, lineStart: number, lead: string): string[] {
  const path: string[] = [];
  let target = lead.length;
  const dash = lead.lastIndexOf('-');
  if (dash >= 0) {
    path.push('[]');
    target = dash;
  }
  if (target === 0) return path;
  for (const line of linesAbove(source, lineStart)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const shape = /^(\s*)((?:-\s+)*)([^\s:#'"][^:#]*?)?\s*:(?:\s|$)/.exec(line);
    const indent = line.length - line.trimStart().length;
    if (!shape) {
      // A list item of scalars, or a continuation line of a text: not a parent.
      if (indent < target && !line.trimStart().startsWith('-')) break;
      continue;
    }
    const keyColumn = shape[1]!.length + shape[2]!.length;
    const itemDash = shape[2] ? shape[1]!.length + shape[2]!.lastIndexOf('-') : -1;
    if (keyColumn === target && itemDash >= 0) {
      // The first key of the list item the cursor's key belongs to.
      path.push('[]');
      target = itemDash;
      continue;
    }
    if (keyColumn >= target) continue;
    path.push(shape[3] ?? '');
    target = keyColumn;
    if (itemDash >= 0) {
      path.push('[]');
      target = itemDash;
    }
    if (target === 0) break;
  }
  return path.reverse();
}

function completeKeys(source: string, lineStart: number, lead: string, typed: string, offset: number, schema: Record<string, unknown>): CompletionEntry[] {
  const speech = /^kind:\s*['"]?speech['"]?\s*(?:#.*)?$/m.test(source);
  const root = resolve(schema, speech ? { $ref: '#/definitions/SpeechFile' } : { $ref: '#/definitions/Plan' });
  let nodes = root;
  for (const step of keyPathAt(source, lineStart, lead)) {
    nodes = nodes.flatMap((node) => {
      if (step === '[]') return node.items ? resolve(schema, node.items as Schema) : [];
      const property = (node.properties as Record<string, Schema> | undefined)?.[step];
      return property ? resolve(schema, property) : [];
    });
  }
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const node of nodes) {
    for (const [key, property] of Object.entries((node.properties as Record<string, Schema> | undefined) ?? {})) {
      if (seen.has(key)) continue;
      seen.add(key);
      const label = KEY_LABELS[key];
      const description = typeof property.description === 'string' ? property.description : undefined;
      out.push({
        label: key,
        kind: 'key',
        ...(label ? { detail: label } : {}),
        ...(description ? { documentation: description } : {}),
        insert: `${key}: `,
        from: offset - typed.length,
        to: offset,
      });
    }
  }
  return out;
}

type Schema = Record<string, unknown>;

/** A schema node with its references followed and its alternatives (anyOf, oneOf, allOf) spread out. */
function resolve(root: Schema, node: Schema, depth = 0): Schema[] {
  if (depth > 20) return [];
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const target = (root.definitions as Record<string, Schema> | undefined)?.[ref.slice('#/definitions/'.length)];
    return target ? resolve(root, target, depth + 1) : [];
  }
  const alternatives = [node.anyOf, node.oneOf, node.allOf].flatMap((list) => (Array.isArray(list) ? (list as Schema[]) : []));
  return [node, ...alternatives.flatMap((alternative) => resolve(root, alternative, depth + 1))];
}
