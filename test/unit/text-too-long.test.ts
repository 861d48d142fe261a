/** text-too-long: titles over 100 characters, paragraphs over 5000, counted as a reader counts. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { RULES } from '../../src/rules/index.js';
import { runRules } from '../../src/rules/run-rules.js';
import { textTooLong } from '../../src/rules/text-too-long.js';
import { paragraphRanges, splitParagraphs } from '../../src/text/paragraphs.js';

const REST = 'date: 2025-03-01\nsections:\n  - title: 联谊交友\n    measures:\n      - title: 走访新的社会阶层人士\n        lead: 区委统战部\n';

function check(source: string, rules = [textTooLong]) {
  const parsed = parsePlan('plan.yaml', new TextEncoder().encode(source));
  expect(parsed.diagnostics).toEqual([]);
  return runRules(parsed.loaded!, {}, rules).diagnostics;
}

describe('text-too-long', () => {
  it('warns about a title over 100 characters, with the count and the limit', () => {
    expect(check(`title: ${'联'.repeat(100)}\n${REST}`)).toEqual([]);
    const [d, ...more] = check(`title: ${'联'.repeat(101)}\n${REST}`);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'text-too-long', severity: 'warning', line: 1, column: 8 });
    expect(d!.message).toBe('标题有 101 个字符，超过上限 100 个：标题应简短，详细内容写进正文');
  });

  it('counts a character outside the BMP once', () => {
    expect(check(`title: ${'𠀀'.repeat(100)}\n${REST}`)).toEqual([]);
    expect(check(`title: ${'𠀀'.repeat(101)}\n${REST}`).map((d) => d.message)).toEqual([expect.stringContaining('101 个字符')]);
  });

  it('knows section, measure and speech titles', () => {
    const long = '推动'.repeat(51);
    const source = `title: 标题\ndate: 2025-03-01\nsections:\n  - title: ${long}\n    speechTitle: ${long}\n    measures:\n      - title: ${long}\n        lead: 区委统战部\nspeech:\n  title: ${long}\n  meeting: 会议\n  speaker: 区委统战部\n  date: 2025-12-01\n`;
    expect(check(source).map((d) => d.path)).toEqual(['sections[0].title', 'sections[0].speechTitle', 'sections[0].measures[0].title', 'speech.title']);
  });

  it('warns about a paragraph over 5000 characters, at the paragraph, and not about a long text of short paragraphs', () => {
    const ok = `${'团'.repeat(4000)}\n  ${'结'.repeat(4000)}`;
    expect(check(`title: 标题\nguidance: |\n  ${ok}\n${REST}`)).toEqual([]);
    expect(check(`title: 标题\nguidance: |\n  第一段\n  ${'结'.repeat(5000)}\n${REST}`)).toEqual([]);
    const ds = check(`title: 标题\nguidance: |\n  第一段\n\n  ${'结'.repeat(5001)}\n${REST}`);
    expect(ds.map((d) => [d.line, d.column, d.message])).toEqual([[5, 3, '这一段有 5001 个字符，超过上限 5000 个：请分成几段（块文本里每行是一段）']]);
    // A measure's text is prose, not a title: 4000 characters in one paragraph pass.
    expect(check(`title: 标题\n${REST}        text: ${'联'.repeat(4000)}\n`)).toEqual([]);
  });

  it('reads paragraphs as the renderer does', () => {
    const text = '  第一段  \r\n\n\t第二段\r第三段\n   \n';
    expect(paragraphRanges(text).map(({ start, end }) => text.slice(start, end))).toEqual(splitParagraphs(text));
    expect(splitParagraphs(text)).toEqual(['第一段', '第二段', '第三段']);
  });

  it('a 1.5-million-character title gives one warning, and no other rule trips on it', () => {
    const diagnostics = check(`title: ${'统一战线工作'.repeat(250_000)}\nissuer: 青禾区委统战部\n${REST}`, [...RULES]);
    expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['text-too-long', '标题有 1500000 个字符，超过上限 100 个：标题应简短，详细内容写进正文']]);
  });
});
