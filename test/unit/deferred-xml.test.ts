/**
 * Deferred runs (src/emit/docx/deferred-xml.ts) change how much is alive at once, never the
 * document: the .docx made with runs of any size equals, byte for byte, the one the docx library
 * writes alone from every paragraph and row made at once.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeferredXml } from '../../src/emit/docx/deferred-xml.js';
import { emitDocx, type DocxMeta } from '../../src/emit/docx/emit-docx.js';
import type { Block } from '../../src/markdown/blocks.js';

const META: DocxMeta = { title: '延迟写出', creator: 'workplan', date: new Date(Date.UTC(2026, 0, 5)), pageNumbers: 'outside' };

/** A long table: section rows, short cells set centred, figures with units, and more than one run of rows. */
function tableBlock(rows: number): Block {
  return {
    type: 'table',
    header: ['序号', '重点任务', '牵头单位', '完成时限'],
    rows: Array.from({ length: rows }, (_, i) =>
      i % 37 === 0 ? [`第${i / 37 + 1}组任务`, '', '', ''] : [String(i), `第${i}项任务：完成调研${i % 9}次，覆盖${i * 3}人`, i % 2 ? '区委统战部' : '区工商联', `${(i % 12) + 1}月底前`],
    ),
  };
}

/** Blocks of every kind the body holds, in portrait and landscape sections, ending with the 版记. */
function documentBlocks(tableRows: number): Block[] {
  const blocks: Block[] = [
    { type: 'letterhead', names: ['中共某区委统战部'], suffix: '', mode: 'red' },
    { type: 'docnumber', number: '某统〔2026〕3号', signers: [], mode: 'red' },
    { type: 'title', text: '关于延迟写出测试的工作安排意见' },
    { type: 'flush', text: '各有关单位：' },
  ];
  for (let h = 1; h <= 12; h++) {
    blocks.push({ type: 'heading', level: 1, text: `${'一二三四五六七八九十'[(h - 1) % 10]}、第${h}部分` });
    for (let p = 0; p < 6; p++) {
      blocks.push({
        type: 'paragraph',
        runs: [
          { text: `（${p + 1}）第${h}部分第${p + 1}项。`, bold: true },
          { text: `全年开展活动${h * p}场次，参与人数达到${h * 100 + p}人，资金投入${p}万元，按季度报送进展情况，年底形成总结报告。` },
        ],
      });
    }
  }
  blocks.push({ type: 'section', orientation: 'landscape' }, tableBlock(tableRows), { type: 'section', orientation: 'portrait' });
  blocks.push(
    { type: 'attachments', items: ['重点任务分工表'] },
    { type: 'signature', signature: '中共某区委统战部', date: '2026年1月5日', seal: true },
    { type: 'note', text: '联系人：张三，电话：12345678' },
    { type: 'imprint', cc: '区委办公室', printedBy: '中共某区委统战部办公室', printedOn: '2026年1月5日' },
  );
  return blocks;
}

function documentXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['word/document.xml']!);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('deferred runs', () => {
  it('give the same bytes as the library writing everything at once, for any run size', async () => {
    const blocks = documentBlocks(450);
    const whole = await emitDocx(blocks, META, 0);
    const xml = documentXml(whole);
    expect(xml).not.toContain('workplanDeferred');
    expect(xml.match(/<w:tr>|<w:tr /g)?.length).toBe(451);
    const write = vi.spyOn(DeferredXml.prototype, 'write');
    for (const run of [1, 7, 100]) {
      write.mockClear();
      const deferred = await emitDocx(blocks, META, run);
      // Runs were written as XML (so the test compares the deferred path), and none is left unfilled.
      expect(write.mock.calls.length).toBeGreaterThan(1);
      expect(documentXml(deferred)).not.toContain('workplanDeferred');
      expect(Buffer.from(deferred).equals(Buffer.from(whole)), `run of ${run}`).toBe(true);
    }
  });

  it('write a table’s later rows as deferred runs, and a short table as it is', async () => {
    const write = vi.spyOn(DeferredXml.prototype, 'write');
    await emitDocx([tableBlock(150), { type: 'paragraph', runs: [{ text: '完。' }] }], META, 100);
    // One run: the table (150 rows fit in the first run of rows).
    expect(write).toHaveBeenCalledTimes(1);
    write.mockClear();
    const bytes = await emitDocx([tableBlock(450), { type: 'paragraph', runs: [{ text: '完。' }] }], META, 100);
    // The table's run, and its rows 201–400 and 401–450.
    expect(write).toHaveBeenCalledTimes(3);
    expect(Buffer.from(bytes).equals(Buffer.from(await emitDocx([tableBlock(450), { type: 'paragraph', runs: [{ text: '完。' }] }], META, 0)))).toBe(true);
  });

  it('leave a run with a control character to the library, which drops the character', async () => {
    const blocks: Block[] = [
      { type: 'paragraph', runs: [{ text: '响铃\u0007字符与换页\u000C字符。' }] },
      { type: 'paragraph', runs: [{ text: '后一段。' }] },
      { type: 'paragraph', runs: [{ text: '末段。' }] },
    ];
    // The first two paragraphs are one run, handed back to the library whole and in order.
    const deferred = await emitDocx(blocks, META, 2);
    expect(Buffer.from(deferred).equals(Buffer.from(await emitDocx(blocks, META, 0)))).toBe(true);
    const xml = documentXml(deferred);
    expect(xml).toContain('响铃字符与换页字符。');
    expect(xml).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F]/);
  });

  it('read the same wherever a block stands: braces the library rewrites, and an empty last block before a section', async () => {
    const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
    const cases: Block[][] = [
      [p('{default-bullet-numbering-0} 甲'), p('乙'), p('{default-bullet-numbering-0} 丙')],
      [p('甲'), p('乙'), { type: 'letterhead', names: [], suffix: '', mode: 'red' }, { type: 'section', orientation: 'landscape' }, p('丙')],
    ];
    for (const blocks of cases) {
      const whole = await emitDocx(blocks, META, 0);
      for (const run of [1, 2]) expect(Buffer.from(await emitDocx(blocks, META, run)).equals(Buffer.from(whole)), `run of ${run}`).toBe(true);
    }
  });

  it('fill nested placeholders and refuse one that was never written', () => {
    const deferred = new DeferredXml();
    const outer = deferred.reserve();
    const inner = deferred.reserve();
    deferred.write(inner, [{ 'w:tr': {} }]);
    deferred.write(outer, [{ 'w:tbl': [{ 'w:workplanDeferred': { _attr: { 'w:n': inner } } }] }]);
    expect(deferred.fill(`<w:body><w:workplanDeferred w:n="${outer}"/></w:body>`)).toBe('<w:body><w:tbl><w:tr/></w:tbl></w:body>');
    expect(() => deferred.fill('<w:workplanDeferred w:n="9"/>')).toThrow(/never written/);
  });
});
