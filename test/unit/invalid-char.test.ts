/**
 * invalid-char: every scalar style the yaml parser accepts such a character in, with the exact
 * line:column, and a fix that removes that character and nothing else, or no fix where removing
 * it would change what the YAML says.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { invalidChar } from '../../src/rules/invalid-char.js';
import { runRules } from '../../src/rules/run-rules.js';
import type { SourceEdit } from '../../src/rules/types.js';
import { findInvalidChars, removeInvalidChars, removeInvalidCharsDeep } from '../../src/text/invalid-chars.js';

const REST = 'date: 2025-03-01\nsections:\n  - title: 联谊交友\n    measures:\n      - title: 走访新的社会阶层人士\n';

function check(source: string) {
  const parsed = parsePlan('plan.yaml', new TextEncoder().encode(source));
  expect(parsed.diagnostics, source).toEqual([]);
  const run = runRules(parsed.loaded!, {}, [invalidChar]);
  return { ...run, plan: parsed.loaded!.plan };
}

function apply(source: string, edits: readonly SourceEdit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** [what, the field's YAML (first lines of the file), line:column of each character, fixable?] */
const CASES: [string, string, string[], boolean][] = [
  ['plain', 'title: 统战\v工作要点\uFFFF', ['1:10', '1:15'], true],
  ['single-quoted', "title: '统战\v工作'", ['1:11'], true],
  ['double-quoted, raw', 'title: "统战\u001b工作"', ['1:11'], true],
  ['block literal', 'title: 标题\nguidance: |\n  第一段\n  第二\b段\n', ['4:5'], true],
  ['block folded, strip', 'title: 标题\nguidance: >-\n  第一段\n  第二\f段\n', ['4:5'], true],
  // Folding joins the lines with a space: the string offset is no longer the source offset.
  ['plain over two lines', 'title: 标题\nguidance: 第一行\n  第二\v行\n', ['3:5'], true],
  ['a double-quoted string over two lines', 'title: 标题\nguidance: "第一行\n  第二\v行"\n', ['3:5'], true],
  ['DEL, a C1 control and a noncharacter', 'title: 统\u007f战\u0085工\uFDD0作', ['1:9', '1:11', '1:13'], true],
  ['a supplementary noncharacter', 'title: 统战\u{1FFFE}工作', ['1:10'], true],
];

describe('invalid-char', () => {
  it.each(CASES)('%s: at its line:column, and --fix removes exactly it', (_, field, at, fixable) => {
    const source = `${field.endsWith('\n') ? field : `${field}\n`}${REST}`;
    const { diagnostics, edits, plan } = check(source);
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(at);
    expect(diagnostics.every((d) => d.ruleId === 'invalid-char' && d.severity === 'error')).toBe(true);
    if (!fixable) return void expect(edits).toEqual([]);
    const fixed = apply(source, edits);
    expect(fixed).toBe(removeInvalidChars(source));
    const after = check(fixed);
    expect(after.diagnostics).toEqual([]);
    expect(after.plan).toEqual(removeInvalidCharsDeep(plan));
  });

  it('names the code point and what it is', () => {
    const { diagnostics } = check(`title: 统战\v工作\uFFFF\n${REST}`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '文字中有 XML 不允许的控制字符 U+000B（垂直制表符 VT），Word 无法打开含有它的文档：请删除',
      '文字中有 XML 不允许的非字符 U+FFFF（不代表任何文字），Word 无法打开含有它的文档：请删除',
    ]);
  });

  it('points at an escape in a double-quoted string, and leaves the fix to the writer', () => {
    const { diagnostics, edits } = check(`title: "统战\\v工作\\uFFFF、\\x1B和\\uD800"\n${REST}`);
    expect(diagnostics.map((d) => `${d.line}:${d.column}-${d.endColumn}`)).toEqual(['1:11-13', '1:15-21', '1:22-26', '1:27-33']);
    expect(diagnostics[3]!.message).toContain('孤立代理项 U+D800');
    expect(diagnostics[0]!.message).toMatch(/：请删除双引号里的转义“\\v”$/);
    expect(edits).toEqual([]);
  });

  it('still fixes a raw character in a double-quoted string that has escapes', () => {
    const source = `title: "统\\t战\v工作"\n${REST}`;
    const { diagnostics, edits } = check(source);
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['1:13']);
    expect(apply(source, edits)).toBe(source.replace('\v', ''));
  });

  it('takes an escaped surrogate pair for the one character it is', () => {
    expect(check(`title: "统战\\uD83D\\uDE00工作"\n${REST}`).diagnostics).toEqual([]);
    expect(check(`title: "统战\\uDE00工作"\n${REST}`).diagnostics.map((d) => d.column)).toEqual([11]);
  });

  it('finds a key of progress.values in its key', () => {
    const source = `title: 标题\n${REST}        progress:\n          status: ongoing\n          values:\n            走访\v人次: 12\n`;
    const { diagnostics, edits } = check(source);
    expect(diagnostics.map((d) => [`${d.line}:${d.column}`, d.path])).toEqual([['10:15', 'sections[0].measures[0].progress.values.走访\v人次']]);
    expect(apply(source, edits)).toBe(source.replace('\v', ''));
  });

  it('reports aliased text once, where its anchor writes it', () => {
    const source = `title: 标题\nissuer: &who 统战\v部\nsignature: *who\n${REST}`;
    const { diagnostics, edits } = check(source);
    expect(diagnostics.map((d) => [`${d.line}:${d.column}`, d.path])).toEqual([['2:16', 'issuer']]);
    expect(apply(source, edits)).toBe(source.replace('\v', ''));
  });

  it.each([
    ['a comment', 'title: 地点 \v#三楼'],
    ['a mapping', 'title: 时间:\v 九点'],
    ['a list item', 'title: 标题\nguidance: 第一行\n  \v- 第二行'],
    ['an indicator at the start', 'title: \v&锚点'],
  ])('reports without a fix where deleting would make %s', (_, field) => {
    const { diagnostics, edits } = check(`${field}\n${REST}`);
    expect(diagnostics).toHaveLength(1);
    expect(edits).toEqual([]);
  });

  it('ignores comments and a block header comment: they never reach a document', () => {
    expect(check(`title: 标题  # 注\v释\nguidance: | # 注\v释\n  正文\n${REST}`).diagnostics).toEqual([]);
    expect(check(`title: 标题\nguidance: | # 注\v释\n  正\v文\n${REST}`).diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['3:4']);
  });

  it('leaves TAB, LF, CR and every well-formed character alone', () => {
    expect(findInvalidChars('统战\t工作\r\n😀𠀀\uFFFD\u3000\uFEFF\u2028')).toEqual([]);
  });
});
