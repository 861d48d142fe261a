/**
 * invalid-char: characters no document can carry (text/invalid-chars.ts says which, and why).
 * They come from pasted text and wrong conversions, and are invisible in an editor; the emitters
 * drop them anyway, so the rule's job is to tell the writer the documents will differ from the
 * plan, and to remove them from the plan with --fix.
 *
 * The yaml parser accepts all of them, raw in every scalar style and as escapes (`\v`, `\uFFFF`)
 * in double-quoted ones, so this rule is the only place a writer hears of them.
 */
import { Scalar } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { type InvalidChar, findInvalidChars, formatCodePoint, isInvalidCodePoint } from '../text/invalid-chars.js';
import { isValuesKey, textNode } from './plan-scalar.js';
import { spanInString, textFields } from './text-fields.js';
import { defineRule, type Finding, type SourceEdit } from './types.js';

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x07: '响铃符 BEL',
  0x08: '退格符 BS',
  0x0b: '垂直制表符 VT',
  0x0c: '换页符 FF',
  0x1b: '转义符 ESC',
  0x7f: '删除符 DEL',
  0x85: '下一行符 NEL',
  0xfffe: '反序的字节序标记，多半来自编码转换',
};

function describe(c: InvalidChar): string {
  const code = formatCodePoint(c.codePoint);
  const name = NAMES[c.codePoint];
  switch (c.kind) {
    case 'control':
      return c.forbidden
        ? `文字中有 XML 不允许的控制字符 ${code}（${name ?? 'ASCII 控制码'}），Word 无法打开含有它的文档：请删除`
        : `文字中有不可见的控制字符 ${code}（${name ?? 'C1 控制码'}），多半来自编码转换或复制粘贴，生成的文稿里会删去它：请删除`;
    case 'surrogate':
      return `文字中有 XML 不允许的孤立代理项 ${code}（半个 UTF-16 字符对，不是文字），Word 无法打开含有它的文档：请删除`;
    case 'noncharacter':
      return c.forbidden
        ? `文字中有 XML 不允许的非字符 ${code}（${name ?? '不代表任何文字'}），Word 无法打开含有它的文档：请删除`
        : `文字中有 Unicode 非字符 ${code}（不代表任何文字），生成的文稿里会删去它：请删除`;
  }
}

/** Where an invalid character is written in the source: the character, or the escape that makes it. */
interface Occurrence {
  from: number;
  to: number;
  escaped: boolean;
}

/** Every invalid character of a scalar as written in the source, in order. */
function occurrencesInSource(source: string, node: Scalar): Occurrence[] {
  const [begin, end] = node.range!;
  if (node.type === Scalar.QUOTE_DOUBLE) return doubleQuotedOccurrences(source, begin + 1, end - 1);
  let start = begin;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The header line (`|`, `>-`, a comment after it) is not part of the value.
    const newline = source.indexOf('\n', begin);
    start = newline === -1 || newline >= end ? end : newline + 1;
  }
  // Plain, single-quoted and block scalars take every non-space character as written.
  return findInvalidChars(source.slice(start, end)).map((c) => ({ from: start + c.index, to: start + c.index + c.char.length, escaped: false }));
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '0': 0x00, a: 0x07, b: 0x08, t: 0x09, '\t': 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b,
  ' ': 0x20, '"': 0x22, '/': 0x2f, '\\': 0x5c, N: 0x85, _: 0xa0, L: 0x2028, P: 0x2029,
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The body of a double-quoted scalar, escapes decoded as YAML 1.2 §5.7 does. */
function doubleQuotedOccurrences(source: string, from: number, to: number): Occurrence[] {
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
        else if (codePoint >= 0 && isInvalidCodePoint(codePoint)) out.push(here);
      }
      i += length;
      continue;
    }
    settle();
    const codePoint = source.codePointAt(i)!;
    const length = codePoint > 0xffff ? 2 : 1;
    if (isInvalidCodePoint(codePoint)) out.push({ from: i, to: i + length, escaped: false });
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
function isSafeToDelete(source: string, node: Scalar, from: number, to: number): boolean {
  if (node.type !== Scalar.PLAIN) return true;
  const before = source[from - 1];
  const after = source[to];
  let k = from - 1;
  while (k >= node.range![0] && (source[k] === ' ' || source[k] === '\t')) k--;
  const startsLine = k < node.range![0] || source[k] === '\n';
  if (startsLine && (isBlank(after) || INDICATORS.has(after!))) return false;
  if (after === '#' && (before === ' ' || before === '\t')) return false;
  if (before === ':' && isBlank(after)) return false;
  return true;
}

function spanOf(loaded: LoadedPlan, from: number, to: number): Span {
  const a = loaded.positionOf(from);
  const b = loaded.positionOf(to);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export const invalidChar = defineRule('invalid-char', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan)) {
    const found = findInvalidChars(value);
    if (found.length === 0) continue;
    const node = textNode(loaded, path, value);
    // No scalar here: an alias (*名称), whose text is reported, and fixed, where its anchor writes it.
    if (!node) continue;
    const written = occurrencesInSource(loaded.source, node);
    // The source is read character by character rather than through spanInString, which maps a
    // folded or escaped string only approximately: a deletion one character off would remove text.
    const exact = written.length === found.length;
    found.forEach((c, k) => {
      const message = describe(c);
      const at = written[k];
      if (!exact || !at) {
        const span = isValuesKey(path, value) ? spanOf(loaded, node.range![0], node.range![1]) : spanInString(loaded, path, c.index, c.index + c.char.length);
        findings.push({ path, message, span });
        return;
      }
      if (at.escaped) {
        // Written as an escape: say which, since the character itself shows nowhere in the file.
        findings.push({ path, message: `${message}双引号里的转义“${loaded.source.slice(at.from, at.to)}”`, span: spanOf(loaded, at.from, at.to) });
        return;
      }
      const edits: SourceEdit[] = isSafeToDelete(loaded.source, node, at.from, at.to)
        ? [{ from: at.from, to: at.to, text: '', path, value: { start: c.index, end: c.index + c.char.length, text: '' } }]
        : [];
      findings.push({ path, message, span: spanOf(loaded, at.from, at.to), ...(edits.length > 0 ? { edits } : {}) });
    });
  }
  return findings;
});
