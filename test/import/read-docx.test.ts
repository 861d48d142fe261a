/**
 * readDocx on documents built here with the `docx` library, as an office's Word would write them:
 * automatic numbering in the formats Chinese documents use, typed numbers, bold run-in leads, a
 * centred title, a red letterhead and a table with merged cells. All prose is written for these tests.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/read-docx.js';
import type { SourceParagraph, SourceTable } from '../../src/import/source-document.js';

function paragraphs(bytes: Uint8Array): SourceParagraph[] {
  return readDocx(bytes).blocks.filter((b): b is SourceParagraph => b.kind === 'paragraph');
}

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const OUTLINE = {
  reference: 'outline',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
    { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
  ],
};

function numbered(level: number, runs: (string | { bold: string })[], reference = 'outline'): Paragraph {
  return new Paragraph({
    numbering: { reference, level },
    children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : new TextRun({ text: r.bold, bold: true }))),
  });
}

describe('readDocx: automatic numbering', () => {
  it('turns 一、（一）1.（1） back into the text Word shows, lower levels restarting under a higher one', async () => {
    const bytes = await pack(
      new Document({
        numbering: { config: [OUTLINE] },
        sections: [
          {
            children: [
              numbered(0, ['夯实创建基础']),
              numbered(1, ['把宣传教育做在日常']),
              numbered(2, [{ bold: '开展社区宣讲。' }, '全年在各社区组织宣讲二十场。']),
              numbered(3, ['面向居民楼栋长。']),
              numbered(3, ['面向中小学教师。']),
              numbered(2, ['建好展示阵地。']),
              numbered(3, ['在文化站设立展陈角。']),
              numbered(1, ['把服务做在身边']),
              numbered(2, ['设立流动人口服务窗口。']),
              numbered(0, ['健全工作机制']),
              numbered(1, ['定期研判形势']),
            ],
          },
        ],
      }),
    );
    const got = paragraphs(bytes).map((p) => [p.text, p.numberLength]);
    expect(got).toEqual([
      ['一、夯实创建基础', 2],
      ['（一）把宣传教育做在日常', 3],
      ['1.开展社区宣讲。全年在各社区组织宣讲二十场。', 2],
      ['（1）面向居民楼栋长。', 3],
      ['（2）面向中小学教师。', 3],
      ['2.建好展示阵地。', 2],
      ['（1）在文化站设立展陈角。', 3],
      ['（二）把服务做在身边', 3],
      ['1.设立流动人口服务窗口。', 2],
      ['二、健全工作机制', 2],
      ['（一）定期研判形势', 3],
    ]);
    expect(paragraphs(bytes)[2]!.boldLength).toBe('开展社区宣讲。'.length);
  });

  it('shows the formats Word draws: ⑴ ① 甲 １ A, full-width digits, multi-level %1.%2 and counting past ten', async () => {
    const single = (reference: string, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
      reference,
      levels: [{ level: 0, format, text, alignment: AlignmentType.LEFT }],
    });
    const config = [
      single('paren', LevelFormat.DECIMAL_ENCLOSED_PARENTHESES, '%1'),
      single('circle', LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%1'),
      single('stems', LevelFormat.IDEOGRAPH_TRADITIONAL, '%1、'),
      single('wide', LevelFormat.DECIMAL_FULL_WIDTH, '%1．'),
      single('letters', LevelFormat.UPPER_LETTER, '%1.'),
      single('typed-paren', LevelFormat.DECIMAL, '(%1)'),
      single('thousand', LevelFormat.CHINESE_COUNTING_THOUSAND, '第%1条'),
      {
        reference: 'legal',
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT },
        ],
      },
      { reference: 'dots', levels: [{ level: 0, format: LevelFormat.BULLET, text: '●', alignment: AlignmentType.LEFT }] },
    ];
    const p = (reference: string, text: string, level = 0) => new Paragraph({ numbering: { reference, level }, text });
    const children = [
      p('paren', '摸清底数'),
      p('paren', '建立台账'),
      p('circle', '走访企业'),
      p('circle', '回访复核'),
      p('stems', '第一组'),
      p('stems', '第二组'),
      p('stems', '第三组'),
      p('wide', '全角编号'),
      p('letters', '甲方事项'),
      p('letters', '乙方事项'),
      p('typed-paren', '半角括号'),
      ...Array.from({ length: 12 }, (_, i) => p('thousand', `条款内容${i + 1}`)),
      p('legal', '总则'),
      p('legal', '适用范围', 1),
      p('legal', '术语', 1),
      p('dots', '圆点项目'),
    ];
    const bytes = await pack(new Document({ numbering: { config }, sections: [{ children }] }));
    const texts = paragraphs(bytes).map((x) => x.text);
    expect(texts.slice(0, 11)).toEqual([
      '⑴摸清底数',
      '⑵建立台账',
      '①走访企业',
      '②回访复核',
      '甲、第一组',
      '乙、第二组',
      '丙、第三组',
      '１．全角编号',
      'A.甲方事项',
      'B.乙方事项',
      '(1)半角括号',
    ]);
    expect(texts[11]).toBe('第一条条款内容1');
    expect(texts[20]).toBe('第十条条款内容10');
    expect(texts[22]).toBe('第十二条条款内容12');
    expect(texts.slice(23)).toEqual(['1.总则', '1.1适用范围', '1.2术语', '●圆点项目']);
    expect(paragraphs(bytes)[22]!.numberLength).toBe('第十二条'.length);
  });
});

describe('readDocx: typed documents', () => {
  it('reads typed numbers, bold leads, a centred title, a red letterhead, sizes and a page break', async () => {
    const bytes = await pack(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: '中共澄湖区委统战部文件', color: 'E60012', size: 80 })],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: '关于做好年度联谊交友工作的', size: 44 }), new TextRun({ text: '安排意见', size: 44 })],
              }),
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                children: [new TextRun({ text: '　　一、突出重点对象', bold: true, size: 32 })],
              }),
              new Paragraph({
                children: [
                  new TextRun({ text: '（一）', bold: true }),
                  new TextRun({ text: '建好联系名单。', bold: true }),
                  new TextRun({ text: '各部门按季度更新联系对象，' }),
                  new TextRun({ text: '重点人员', bold: true }),
                  new TextRun({ text: '单独列出。' }),
                ],
              }),
              new Paragraph({ children: [new TextRun({ text: '并不加粗的一段正文，' }), new TextRun({ text: '末尾加粗。', bold: true })] }),
              new Paragraph({ children: [new TextRun('2. '), new TextRun({ text: '常态走访。', bold: true }), new TextRun('每月走访不少于两次。')] }),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('澄湖区委统战部')] }),
              new Paragraph({ children: [new PageBreak(), new TextRun('附件')] }),
              new Paragraph({ children: [new TextRun({ text: '名单见附表。', bold: false })] }),
            ],
          },
        ],
      }),
    );
    const got = paragraphs(bytes);
    expect(got[0]).toMatchObject({ text: '中共澄湖区委统战部文件', align: 'center', red: true, fontSize: 40 });
    expect(got[1]).toMatchObject({ text: '关于做好年度联谊交友工作的安排意见', align: 'center', fontSize: 22 });
    expect(got[1]!.red).toBeUndefined();
    // The full-width indent is not text; the bold covers the whole line.
    expect(got[2]).toMatchObject({ text: '一、突出重点对象', boldLength: 8, align: 'justify', fontSize: 16 });
    expect(got[2]!.numberLength).toBeUndefined();
    expect(got[3]).toMatchObject({ text: '（一）建好联系名单。各部门按季度更新联系对象，重点人员单独列出。', boldLength: 10 });
    expect(got[4]!.boldLength).toBeUndefined();
    // A typed number left in regular weight before the bold lead.
    expect(got[5]).toMatchObject({ text: '2. 常态走访。每月走访不少于两次。', boldFrom: 3, boldLength: 5 });
    expect(got[3]!.boldFrom).toBeUndefined();
    expect(got[6]).toMatchObject({ text: '澄湖区委统战部', align: 'right' });
    expect(got[7]).toMatchObject({ text: '附件', pageBreakBefore: true });
    expect(got[8]!.pageBreakBefore).toBeUndefined();
  });

  it('reads a table: header cells merged across columns, a cell merged down, paragraphs joined by line breaks', async () => {
    const cell = (text: string | string[], options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: (Array.isArray(text) ? text : [text]).map((t) => new Paragraph(t)), ...options });
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ children: [cell('序号'), cell('工作任务'), cell('责任分工', { columnSpan: 2 })] }),
        new TableRow({ children: [cell(''), cell(''), cell('牵头单位'), cell('配合单位')] }),
        new TableRow({
          children: [cell('1'), cell('开展走访', { verticalMerge: VerticalMergeType.RESTART }), cell('区委统战部'), cell(['区工商联', '各镇街'])],
        }),
        new TableRow({ children: [cell('2'), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('区侨联'), cell('区外办')] }),
      ],
    });
    const bytes = await pack(new Document({ sections: [{ children: [new Paragraph('表前说明'), table, new Paragraph('表后说明')] }] }));
    const blocks = readDocx(bytes).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const rows = (blocks[1] as SourceTable).rows;
    expect(rows[0]).toEqual([{ text: '序号' }, { text: '工作任务' }, { text: '责任分工', colSpan: 2 }]);
    expect(rows[2]).toEqual([{ text: '1' }, { text: '开展走访', rowSpan: 2 }, { text: '区委统战部' }, { text: '区工商联\n各镇街' }]);
    expect(rows[3]).toEqual([{ text: '2' }, { text: '', continued: true }, { text: '区侨联' }, { text: '区外办' }]);
  });
});
