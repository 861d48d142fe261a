import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMarkdownAtOnce } from '../../src/markdown/parse-markdown.js';

/** A table of `n` rows: a section row every 7 rows, the rest with text in every cell. */
function table(n: number, tag: string): string {
  const rows = Array.from({ length: n }, (_, i) =>
    i % 7 === 0 ? `| ${tag}第${i}部分 | | |` : `| ${i} | ${tag}任务**${i}** | 牵头\\|单位${i % 13} |`,
  );
  return ['| 序号 | 任务 | 牵头单位 |', '| :-- | --- | --: |', ...rows].join('\n');
}

describe('parseMarkdown of long tables', () => {
  it('gives the Blocks of one parse when long tables are cut into pieces', () => {
    const markdown = ['# 标题', '', '正文一段。', '', table(1234, '甲'), '', '中间一段。', '', table(501, '乙'), '', table(3, '丙'), '', '结尾。', ''].join('\n');
    const blocks = parseMarkdown(markdown);
    expect(blocks).toEqual(parseMarkdownAtOnce(markdown));
    expect(blocks.filter((b) => b.type === 'table').map((b) => (b.type === 'table' ? b.rows.length : 0))).toEqual([1234, 501, 3]);
  });

  it('keeps two tables that follow each other apart', () => {
    const markdown = [table(600, '甲'), '', table(600, '甲')].join('\n');
    expect(parseMarkdown(markdown)).toEqual(parseMarkdownAtOnce(markdown));
  });
});
