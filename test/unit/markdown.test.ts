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

  it('splits joint issuers from 文件 once, when the letterhead Block is made', () => {
    expect(parseMarkdown('```letterhead red\n中共澄湖区委统战部\n澄湖区民族宗教事务局\n文件\n```\n')).toEqual([
      { type: 'letterhead', names: ['中共澄湖区委统战部', '澄湖区民族宗教事务局'], suffix: '文件', mode: 'red' },
    ]);
    // One issuer's own “……文件” is its name, not a joint suffix.
    expect(parseMarkdown('```letterhead preprinted\n澄湖区统战部文件\n```\n')).toEqual([
      { type: 'letterhead', names: ['澄湖区统战部文件'], suffix: '', mode: 'preprinted' },
    ]);
  });

  it('refuses a letterhead mode it does not know, instead of printing it red', () => {
    expect(() => parseMarkdown('```letterhead blue\n某单位\n```\n')).toThrow(/红头方式“blue”无效/);
    expect(() => parseMarkdown('```docnumber bleu\n澄统发〔2025〕1号\n```\n')).toThrow(MarkdownSubsetError);
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
