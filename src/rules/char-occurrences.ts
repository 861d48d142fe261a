/**
 * Characters of a scalar found where the source writes them, for the rules that delete single
 * characters with --fix (invalid-char, invisible-format): raw in every scalar style, or as an
 * escape in a double-quoted one, and whether deleting one leaves the YAML meaning the same.
 */
import { Scalar } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { lineEndAfter } from '../plan/scalar-source.js';
import { isValuesKey, textNode } from './plan-scalar.js';
import { spanInString, textFields } from './text-fields.js';
import type { Finding, SourceEdit } from './types.js';

/** Where a character is written in the source: the character, or the escape that makes it. */
export interface Occurrence {
  from: number;
  to: number;
  escaped: boolean;
}

/** Every character of a scalar that `wanted` picks (by code point), as written in the source, in order. */
export function occurrencesInSource(source: string, node: Scalar, wanted: (codePoint: number) => boolean): Occurrence[] {
  const [begin, end] = node.range!;
  if (node.type === Scalar.QUOTE_DOUBLE) return doubleQuotedOccurrences(source, begin + 1, end - 1, wanted);
  let start = begin;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The header line (`|`, `>-`, a comment after it) is not part of the value.
    const newline = lineEndAfter(source, begin);
    start = newline === -1 || newline >= end ? end : newline + 1;
  }
  // Plain, single-quoted and block scalars take every non-space character as written.
  const out: Occurrence[] = [];
  for (let i = start; i < end; ) {
    const codePoint = source.codePointAt(i)!;
    const length = codePoint > 0xffff ? 2 : 1;
    if (wanted(codePoint)) out.push({ from: i, to: i + length, escaped: false });
    i += length;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '0': 0x00, a: 0x07, b: 0x08, t: 0x09, '\t': 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b,
  ' ': 0x20, '"': 0x22, '/': 0x2f, '\\': 0x5c, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029,
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The body of a double-quoted scalar, escapes decoded as YAML 1.2 §5.7 does. */
function doubleQuotedOccurrences(source: string, from: number, to: number, wanted: (codePoint: number) => boolean): Occurrence[] {
  const out: Occurrence[] = [];
  // `\uD83D\uDE00` is one character written as two escapes: a high half waits for its low half.
  let high: Occurrence | undefined;
  const settle = () => {
    if (high) out.push(high);
    high = undefined;
  };
  let i = from;
  while (i < to) {
    if (source[i] === '\\') {
      const letter = source[i + 1] ?? '';
      const digits = HEX_DIGITS[letter];
      const length = 2 + (digits ?? 0);
      const codePoint = digits ? parseInt(source.slice(i + 2, i + length), 16) : (SIMPLE_ESCAPES[letter] ?? -1);
      const here = { from: i, to: i + length, escaped: true };
      if (codePoint >= 0xdc00 && codePoint <= 0xdfff && high?.to === i) {
        high = undefined;
      } else {
        settle();
        if (codePoint >= 0xd800 && codePoint <= 0xdbff) high = here;
        else if (codePoint >= 0 && wanted(codePoint)) out.push(here);
      }
      i += length;
      continue;
    }
    settle();
    const codePoint = source.codePointAt(i)!;
    const length = codePoint > 0xffff ? 2 : 1;
    if (wanted(codePoint)) out.push({ from: i, to: i + length, escaped: false });
    i += length;
  }
  settle();
  return out;
}

const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Removing a character from a plain scalar is safe unless it brings two pieces of YAML syntax
 * together: `前 <VT>#…` would become a comment, `时间:<VT> 9点` a mapping, `<VT>- 项` at the start
 * of a line a list. Quoted and block scalars have no such neighbours. Such a finding is reported
 * without a fix rather than risk changing what the plan says.
 */
export function isSafeToDelete(source: string, node: Scalar, from: number, to: number): boolean {
  if (node.type !== Scalar.PLAIN) return true;
  const before = source[from - 1];
  const after = source[to];
  let k = from - 1;
  while (k >= node.range![0] && (source[k] === ' ' || source[k] === '\t')) k--;
  const startsLine = k < node.range![0] || source[k] === '\n' || source[k] === '\r';
  if (startsLine && (isBlank(after) || INDICATORS.has(after!))) return false;
  if (after === '#' && (before === ' ' || before === '\t')) return false;
  if (before === ':' && isBlank(after)) return false;
  return true;
}

export function spanOf(loaded: LoadedPlan, from: number, to: number): Span {
  const a = loaded.positionOf(from);
  const b = loaded.positionOf(to);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** A character a rule found in a text value: where, how long (a surrogate pair is 2) and what to say. */
export interface CharFound {
  index: number;
  length: number;
  message: string;
}

/**
 * The findings of a rule that deletes single characters, over every text of the plan. Each found
 * character is matched with where the source writes it, character by character rather than through
 * spanInString (which maps a folded or escaped string only approximately: a deletion one character
 * off would remove text); when the two do not line up, or the character is an escape, it is
 * reported without a fix. An alias (*名称) is reported, and fixed, where its anchor writes the text.
 */
export function deletionFindings(loaded: LoadedPlan, find: (value: string) => CharFound[], wanted: (codePoint: number) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan)) {
    const found = find(value);
    if (found.length === 0) continue;
    const node = textNode(loaded, path, value);
    if (!node) continue;
    const written = occurrencesInSource(loaded.source, node, wanted);
    const exact = written.length === found.length;
    found.forEach((c, k) => {
      const at = written[k];
      if (!exact || !at) {
        const span = isValuesKey(path, value) ? spanOf(loaded, node.range![0], node.range![1]) : spanInString(loaded, path, c.index, c.index + c.length);
        findings.push({ path, message: c.message, span });
        return;
      }
      if (at.escaped) {
        // Written as an escape: say which, since the character itself shows nowhere in the file.
        findings.push({ path, message: `${c.message}双引号里的转义“${loaded.source.slice(at.from, at.to)}”`, span: spanOf(loaded, at.from, at.to) });
        return;
      }
      const edits: SourceEdit[] = isSafeToDelete(loaded.source, node, at.from, at.to)
        ? [{ from: at.from, to: at.to, text: '', path, value: { start: c.index, end: c.index + c.length, text: '' } }]
        : [];
      findings.push({ path, message: c.message, span: spanOf(loaded, at.from, at.to), ...(edits.length > 0 ? { edits } : {}) });
    });
  }
  return findings;
}
