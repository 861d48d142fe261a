/** The Markdown subset: what templates may produce, and what they may not. */
import { describe, expect, it } from 'vitest';
import { MarkdownSubsetError, parseMarkdown } from '../../src/markdown/parse-markdown.js';

describe('parseMarkdown', () => {
  it('reads the fences the subset defines', () => {
    expect(parseMarkdown('```signature seal\n某单位\n2025年1月1日\n```\n')).toEqual([
      { type: 'signature', signature: '某单位', date: '2025年1月1日', seal: true },
    ]);
    expect(parseMarkdown('```landscape\n```\n')).toEqual([{ type: 'section', orientation: 'landscape' }]);
  });

  it.each([
    ['- 一项\n- 两项\n', '列表'],
    ['> 引文\n', '引用'],
    ['```python\nprint(1)\n```\n', '代码块“python”'],
    ['```\n无名代码块\n```\n', '代码块“”'],
  ])('rejects %j, naming the structure and its line', (markdown, what) => {
    const attempt = () => parseMarkdown(`# 标题\n\n${markdown}`);
    expect(attempt).toThrow(MarkdownSubsetError);
    expect(attempt).toThrow(new RegExp(`第 3 行含有不支持的结构：${what}`));
  });
});
