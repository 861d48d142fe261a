/** Tables in the body: a 分工表 becomes 举措 with their units and 时限; any other table is kept verbatim. */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/read-docx.js';
import { readMarkdown } from '../../src/import/read-markdown.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';

const importMarkdown = (markdown: string) => recognizePlan(readMarkdown(new TextEncoder().encode(markdown)), { today: '2031-05-05' });

describe('tables in the body', () => {
  it('reads a pipe 分工表 under a 部分 as that 部分’s 举措, units and 时限 from their columns', () => {
    const { plan } = importMarkdown(
      [
        '# 柳岸镇2027年河道保洁工作安排意见',
        '',
        '一、总体要求',
        '',
        '以村为单位分段包干，做到河面无漂浮物、河岸无垃圾。',
        '',
        '二、重点任务',
        '',
        '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 清理河面漂浮物 | 镇环卫所 | 各村委会 | 2027年6月底前 |',
        '| 2 | 建立巡河台账 | 镇河长办 | 各村委会、镇水利站 | 全年 |',
      ].join('\n'),
    );
    expect(plan['sections']).toEqual([
      { title: '总体要求', intro: '以村为单位分段包干，做到河面无漂浮物、河岸无垃圾。' },
      {
        title: '重点任务',
        measures: [
          { title: '清理河面漂浮物', lead: '镇环卫所', responsible: ['各村委会'], due: '2027-06' },
          { title: '建立巡河台账', lead: '镇河长办', responsible: ['各村委会', '镇水利站'], due: '全年' },
        ],
      },
    ]);
  });

  it('fills the text’s own 举措 from a 分工表 in the body, and keeps a row it cannot place', () => {
    const { plan, guesses } = importMarkdown(
      [
        '# 柳岸镇2027年河道保洁工作要点',
        '',
        '一、落实责任',
        '',
        '1.清理河面漂浮物。每周集中清理一次。',
        '',
        '| 工作任务 | 牵头单位 |',
        '| --- | --- |',
        '| 清理河面漂浮物 | 镇环卫所 |',
        '| 整治沿河违建 | 镇综合执法队 |',
      ].join('\n'),
    );
    expect((plan['sections'] as { measures: unknown[] }[])[0]!.measures).toEqual([{ title: '清理河面漂浮物', text: '每周集中清理一次。', lead: '镇环卫所' }]);
    expect(guesses.map((g) => g.verbatim).filter(Boolean)).toEqual(['整治沿河违建 | 镇综合执法队']);
  });

  it('keeps a table that is not a 分工表 verbatim', () => {
    const { guesses } = importMarkdown(['# 柳岸镇2027年河道保洁工作要点', '', '一、落实责任', '', '1.清理河面漂浮物。每周一次。', '', '| 村 | 河段长度 |', '| --- | --- |', '| 东湾村 | 3.2公里 |'].join('\n'));
    expect(guesses.map((g) => g.verbatim).filter(Boolean)).toEqual(['村 | 河段长度\n东湾村 | 3.2公里']);
  });

  it('reads a Word table in the body the same way, with a column of the plan’s own', async () => {
    const row = (...texts: string[]) => new TableRow({ children: texts.map((t) => new TableCell({ children: [new Paragraph(t)] })) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('柳岸镇2027年河道保洁任务分工')] }),
            new Paragraph('一、重点任务'),
            new Table({ rows: [row('序号', '重点任务', '牵头单位', '完成时限', '分值'), row('1', '清理河面漂浮物', '镇环卫所', '2027年6月底前', '10'), row('2', '建立巡河台账', '镇河长办', '全年', '5')] }),
          ],
        },
      ],
    });
    const { plan } = recognizePlan(readDocx(new Uint8Array(await Packer.toBuffer(doc))), { today: '2031-05-05' });
    expect(plan['title']).toBe('柳岸镇2027年河道保洁任务分工');
    expect(plan['sections']).toEqual([
      {
        title: '重点任务',
        measures: [
          { title: '清理河面漂浮物', lead: '镇环卫所', due: '2027-06', columns: { 分值: 10 } },
          { title: '建立巡河台账', lead: '镇河长办', due: '全年', columns: { 分值: 5 } },
        ],
      },
    ]);
    expect(plan['table']).toEqual({ title: '柳岸镇2027年河道保洁任务分工', columns: ['seq', { key: 'task', title: '重点任务' }, 'lead', 'due', { title: '分值' }] });
  });

  it('reads a 分工表 as 举措 when the only numbered paragraphs stand before the first 部分', () => {
    const { plan } = importMarkdown(
      ['# 柳岸镇2027年河道保洁工作要点', '', '1. 坚持属地负责。', '2. 坚持群众参与。', '', '一、重点任务', '', '| 工作任务 | 责任单位 |', '| --- | --- |', '| 清理河面漂浮物 | 各村委会 |'].join('\n'),
    );
    expect(plan['guidance']).toBe('1.坚持属地负责。\n2.坚持群众参与。');
    expect(plan['sections']).toEqual([{ title: '重点任务', measures: [{ title: '清理河面漂浮物', responsible: ['各村委会'] }] }]);
  });

  it('gives a vertically merged 牵头单位 to every row it spans', () => {
    const { plan } = recognizePlan(
      {
        format: 'docx',
        removed: [],
        blocks: [
          { kind: 'paragraph', text: '柳岸镇2027年河道保洁工作要点', title: true },
          {
            kind: 'table',
            rows: [
              [{ text: '工作任务' }, { text: '牵头单位' }],
              [{ text: '清理河面漂浮物' }, { text: '镇环卫所', rowSpan: 2 }],
              [{ text: '清理河岸垃圾' }, { text: '', continued: true }],
            ],
          },
        ],
      },
      { today: '2031-05-05' },
    );
    expect(plan['measures']).toEqual([
      { title: '清理河面漂浮物', lead: '镇环卫所' },
      { title: '清理河岸垃圾', lead: '镇环卫所' },
    ]);
  });
});
