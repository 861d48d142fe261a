import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layoutSignature } from '../../src/emit/docx/block-paragraphs.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { imprintRows } from '../../src/emit/docx/frame.js';
import { withoutJoiners } from '../../src/emit/docx/runs.js';
import { escapeMarkdown } from '../../src/text/escape-markdown.js';
import { breakTitle } from '../../src/text/title-lines.js';
import { visualWidth } from '../../src/text/width.js';

describe('title lines', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle('2025年全区统一战线工作安排意见', 20)).toEqual(['2025年全区统一战线工作安排意见']);
  });

  it('never breaks inside 《》 or a number when a shape without that exists', () => {
    const title = '关于印发《2025年全区统一战线工作要点》和重点任务分工方案的通知';
    const lines = breakTitle(title, 20);
    expect(lines.join('')).toBe(title);
    expect(lines).toEqual(['关于印发《2025年全区统一战线工作要点》', '和重点任务分工方案的通知']);
  });

  it('prefers balanced lines with the shorter one on top (a trapezoid)', () => {
    const title = '2025年全区统一战线服务民营经济高质量发展专项行动实施方案';
    const lines = breakTitle(title, 20);
    expect(lines.join('')).toBe(title);
    expect(lines).toHaveLength(2);
    const [top, bottom] = lines.map(visualWidth) as [number, number];
    expect(top).toBeLessThanOrEqual(bottom);
    expect(bottom - top).toBeLessThanOrEqual(3);
    // Not between 经 and 济.
    expect(lines.some((l) => l.endsWith('经'))).toBe(false);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = breakTitle('关于进一步加强和改进新时代民营经济统战工作、促进民营经济健康发展的实施意见', 20);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、：；！？）》”]/);
  });
});

describe('署名 and 成文日期 (§7.3.5.2)', () => {
  it('puts the date two characters right of the 署名 when the 署名 is longer', () => {
    // 9 characters; 28-char line, 2 in from the right: the 署名 starts at 17, the date at 19.
    expect(layoutSignature('中共澄湖区委统战部', '2025年1月10日')).toEqual({ signatureRight: 2, dateLeft: 19 });
  });

  it('keeps the date two characters from the right and moves the 署名 when the date is longer', () => {
    // 4-char 署名, 6.5-char date: the date ends 2 from the right, the 署名 starts 2 before it.
    expect(layoutSignature('某某街道', '2025年1月10日')).toEqual({ signatureRight: 6.5, dateRight: 2 });
  });
});

describe('署名 and 成文日期 with a seal (§7.3.5.1)', () => {
  it('keeps the date 4 characters from the right and centres the 署名 over it', () => {
    // 9-character 署名 over a 6.5-character date: centred means 1.25 characters further left.
    expect(layoutSignature('中共澄湖区委统战部', '2025年1月10日', 28, true)).toEqual({ signatureRight: 2.75, dateRight: 4 });
  });
});

describe('版记 rows', () => {
  it('counts the 印发 line, and 抄送 lines with a character to spare', () => {
    expect(imprintRows('')).toBe(1);
    expect(imprintRows('抄送：区委办公室。')).toBe(2);
    expect(imprintRows('抄送：区委办公室，区人大常委会办公室，区政府办公室，区政协办公室。')).toBe(3);
  });
});

describe('Markdown escaping of plan text', () => {
  it.each([
    ['**粗体**', '\\*\\*粗体\\*\\*'],
    ['# 不是标题', '\\# 不是标题'],
    ['1. 不是列表', '1\\. 不是列表'],
    ['- 不是列表', '\\- 不是列表'],
    ['a|b', 'a\\|b'],
    ['&amp;', '\\&amp;'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['{{title}}', '\\{\\{title\\}\\}'],
    ['第一行\n第二行', '第一行 第二行'],
  ])('%s', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('the 署名 page carries text', () => {
  /** Each paragraph of document.xml: its text (without the joiners that keep figures with units) and whether it keeps with the next. */
  async function paragraphs(blocks: Parameters<typeof emitDocx>[0]) {
    const docx = await emitDocx(blocks, { title: 't', creator: 't', date: new Date(0), pageNumbers: 'outside' });
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
      text: withoutJoiners([...p!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      keepNext: /<w:keepNext\/>/.test(p!),
    }));
  }

  it('keeps the last text, the 附件说明 and the blank lines with the 署名, and nothing earlier', async () => {
    const ps = await paragraphs([
      { type: 'paragraph', runs: [{ text: '前一段。' }] },
      { type: 'paragraph', runs: [{ text: '最后一段。' }] },
      { type: 'attachments', items: ['甲表', '乙表'] },
      { type: 'signature', signature: '某单位', date: '2025年1月1日', seal: false },
    ]);
    const keep = ps.map((p) => `${p.text || '（空行）'}${p.keepNext ? ' +' : ''}`);
    // 署名 and date keep together through their Signature style, not a direct property.
    expect(keep).toEqual(['前一段。', '最后一段。 +', '（空行） +', '附件：1.甲表 +', '\u3000\u3000\u30002.乙表 +', '（空行） +', '某单位', '2025年1月1日']);
  });

  it('does not tie text to anything when there is no 署名', async () => {
    const ps = await paragraphs([
      { type: 'paragraph', runs: [{ text: '一段。' }] },
      { type: 'paragraph', runs: [{ text: '最后一段。' }] },
    ]);
    expect(ps.some((p) => p.keepNext)).toBe(false);
  });
});

/** CT_PPrBase child order (ECMA-376 §17.3.1.26), the subset workplan writes. */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'widowControl', 'numPr', 'pBdr', 'shd', 'tabs',
  'kinsoku', 'wordWrap', 'overflowPunct', 'autoSpaceDE', 'autoSpaceDN', 'snapToGrid', 'spacing', 'ind',
  'contextualSpacing', 'jc', 'textAlignment', 'outlineLvl', 'rPr', 'sectPr',
];

describe('OOXML property order', () => {
  it('writes paragraph properties in schema order in styles.xml and document.xml', async () => {
    const docx = await emitDocx(
      [
        { type: 'title', text: '标题' },
        { type: 'heading', level: 1, text: '一、标题' },
        { type: 'paragraph', runs: [{ text: '1.引领句。', bold: true }, { text: '正文。' }] },
        { type: 'signature', signature: '某单位', date: '2025年1月1日', seal: false },
      ],
      { title: '标题', creator: 'test', date: new Date(0), pageNumbers: 'outside' },
    );
    const parts = unzipSync(docx);
    for (const name of ['word/styles.xml', 'word/document.xml', 'word/footer1.xml']) {
      const xml = strFromU8(parts[name]!);
      const blocks = [...xml.matchAll(/<w:pPr>([\s\S]*?)<\/w:pPr>/g)];
      expect(blocks.length).toBeGreaterThan(0);
      for (const [, inner] of blocks) {
        const top = inner!.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, '<w:rPr/>');
        const names = [...top.matchAll(/<w:([A-Za-z]+)[\s/>]/g)].map((m) => m[1]!);
        const positions = names.map((n) => PPR_ORDER.indexOf(n));
        expect(positions, `${name}: ${names.join(',')}`).not.toContain(-1);
        expect([...positions].sort((a, b) => a - b), `${name}: ${names.join(',')}`).toEqual(positions);
      }
    }
  });

  it('has no theme fonts anywhere in the styles', async () => {
    const docx = await emitDocx([{ type: 'title', text: '标题' }], { title: 't', creator: 't', date: new Date(0), pageNumbers: 'outside' });
    const styles = strFromU8(unzipSync(docx)['word/styles.xml']!);
    expect(styles).not.toMatch(/Theme="/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
  });
});
