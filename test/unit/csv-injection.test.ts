/** Issue 26: a plan's text must not become an Excel formula through the .csv (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { emitCsv } from '../../src/emit/csv.js';
import type { Block } from '../../src/markdown/blocks.js';

const csvOf = (cells: string[]): string[] => {
  const blocks: Block[] = [{ type: 'table', header: ['序号', '任务'], rows: cells.map((c, i) => [String(i + 1), c]) }];
  return emitCsv(blocks).slice(1).split('\r\n').slice(1, -1);
};

describe('emitCsv neutralises formulas', () => {
  it('prefixes an apostrophe to a cell starting with = + - @, a tab or a CR', () => {
    const rows = csvOf(['=HYPERLINK("http://x.example","点击")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '＝1+1']);
    expect(rows).toEqual([
      `1,"'=HYPERLINK(""http://x.example"",""点击"")"`,
      `2,'+1+1`,
      `3,'-2+3`,
      `4,'@SUM(A1:A2)`,
      `5,'\t=1`,
      `6,"'\r=1"`,
      `7,'＝1+1`,
    ]);
  });

  it('leaves plain numbers, signed or not, and ordinary text as they were', () => {
    expect(csvOf(['-5', '+3.5', '-10%', '12', '走访企业 =40 家', 'a-b'])).toEqual(['1,-5', '2,+3.5', '3,-10%', '4,12', '5,走访企业 =40 家', '6,a-b']);
  });

  it('quotes a cell holding a line break, which would otherwise end the row', () => {
    expect(csvOf(['甲\n乙', '丙\r丁'])).toEqual(['1,"甲\n乙"', '2,"丙\r丁"']);
  });
});
