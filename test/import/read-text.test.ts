/**
 * readText: the same Chinese text in UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK and GB18030
 * reads the same; lines, indentation and tables; a property that no visible character is lost.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, readText } from '../../src/import/read-text.js';
import { removeWebNoise } from '../../src/import/remove-web-noise.js';
import type { SourceParagraph, SourceTable } from '../../src/import/source-document.js';
import { SourceFormatError } from '../../src/import/source-format-error.js';

const SAMPLE = [
  '澄湖区2026年侨务工作要点',
  '　　一、凝聚侨心侨力',
  '　　（一）办好“侨胞之家”。年内新建镇街侨胞之家三个，开展联谊活动不少于十场。',
  '',
  '　　1．走访归侨侨眷一百二十户，建立困难侨眷帮扶台账。',
  '二、服务高质量发展（区侨联牵头，2026年6月底前）',
].join('\r\n');

const ENCODINGS: [string, () => Uint8Array, string][] = [
  ['UTF-8', () => Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8'],
  ['UTF-16 LE with BOM', () => iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }), 'utf-16le'],
  ['UTF-16 BE with BOM', () => iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }), 'utf-16be'],
  ['GBK', () => iconv.encode(SAMPLE, 'gbk'), 'gb18030'],
  ['GB18030', () => iconv.encode(SAMPLE, 'gb18030'), 'gb18030'],
];

describe('readText: encodings', () => {
  const expected = [
    { kind: 'paragraph', text: '澄湖区2026年侨务工作要点', line: 1 },
    { kind: 'paragraph', text: '一、凝聚侨心侨力', line: 2 },
    { kind: 'paragraph', text: '（一）办好“侨胞之家”。年内新建镇街侨胞之家三个，开展联谊活动不少于十场。', line: 3 },
    { kind: 'paragraph', text: '1．走访归侨侨眷一百二十户，建立困难侨眷帮扶台账。', line: 5 },
    { kind: 'paragraph', text: '二、服务高质量发展（区侨联牵头，2026年6月底前）', line: 6 },
  ];
  for (const [name, encode, encoding] of ENCODINGS) {
    it(`${name} decodes to the same paragraphs`, () => {
      const bytes = encode();
      expect(decodeText(bytes).encoding).toBe(encoding);
      expect(readText(bytes)).toEqual({ format: 'txt', encoding, blocks: expected, removed: [] });
    });
  }

  it('GB18030 reads characters GBK lacks (four-byte sequences)', () => {
    const text = '𠀀字与䶮字都要原样保留';
    expect(readText(iconv.encode(text, 'gb18030')).blocks).toEqual([{ kind: 'paragraph', text, line: 1 }]);
  });

  it('refuses UTF-8 with a few broken bytes, saying where, instead of reading it as GB18030 garbage', () => {
    const text = `${'第一行写明全年工作的总体要求和主要目标。\n'.repeat(3)}第四行`;
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe5, 0x8f])]);
    expect(() => readText(bytes)).toThrow(/UTF-8 编码，但有 1 处无法识别的字节（第一处在第 4 行）/);
  });

  it('refuses bytes that are text in no encoding: NUL bytes, sequences GB18030 cannot read, control characters', () => {
    expect(() => readText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toThrow(SourceFormatError);
    expect(() => readText(Uint8Array.from([0xc4, 0xe3, 0xff, 0xff, 0x80]))).toThrow(/不是文本文件/);
    expect(() => readText(Buffer.from('正文\u0001\u0002\u0003', 'utf8'))).toThrow(SourceFormatError);
  });
});

describe('readText: lines and tables', () => {
  it('keeps inner spaces and every character, strips only the indentation', () => {
    const blocks = readText(Buffer.from('\t　 第一行  中间  有空格 \n\n\n　　第二行　')).blocks;
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '第一行  中间  有空格', line: 1 },
      { kind: 'paragraph', text: '第二行', line: 4 },
    ]);
  });

  it('reads tab-separated lines of three or more cells as a table, and leaves two-cell heading lines alone', () => {
    const text = ['一、\t总体要求', '（一）\t指导思想', '序号\t工作任务\t牵头单位', '1\t建立联系台账\t区委统战部', '2\t\t区工商联', '正文另起一段。'].join('\n');
    const blocks = readText(Buffer.from(text)).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect((blocks[0] as SourceParagraph).text).toBe('一、\t总体要求');
    const table = blocks[2] as SourceTable;
    expect(table.line).toBe(3);
    expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['序号', '工作任务', '牵头单位'],
      ['1', '建立联系台账', '区委统战部'],
      ['2', '', '区工商联'],
    ]);
  });

  it('reads | a | b | lines with a delimiter row as a table; | lines without one stay paragraphs', () => {
    const text = ['| 任务 | 完成时限 |', '| --- | :---: |', '| 开展调研 | 6月底前 |', '| 形成报告 | 年底前 |', '', '| 这一行 | 只是正文 |', '| 没有分隔行 | 不算表格 |'].join('\n');
    const blocks = readText(Buffer.from(text)).blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'paragraph']);
    expect((blocks[0] as SourceTable).rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['任务', '完成时限'],
      ['开展调研', '6月底前'],
      ['形成报告', '年底前'],
    ]);
    expect((blocks[1] as SourceParagraph).text).toBe('| 这一行 | 只是正文 |');
  });
});

describe('readText: nothing visible is lost (property)', () => {
  const visible = (s: string) => s.replace(/\s/g, '');
  // `|` is left out: a Markdown table's delimiters are structure, dropped on purpose (tested above).
  const alphabet = fc.constantFrom(
    ...'统战工作要点一二三（）()、，。：:；1234567890abcXYZ“”《》—…·％%#*-_=+/\\<>[]{}@!?～~',
    ' ', '　', '\t', '\n', '\r\n', '\r', '\u00a0', '😀', '𠀀',
  );
  const input = fc.array(alphabet, { maxLength: 300 }).map((chars) => chars.join(''));

  it('every non-whitespace character of a UTF-8 input comes back, in order', () => {
    fc.assert(
      fc.property(input, (text) => {
        const doc = readText(Buffer.from(text, 'utf8'));
        const out = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((row) => row.map((c) => c.text).join('')).join('')));
        expect(visible(out.join(''))).toBe(visible(text));
      }),
      { numRuns: 400 },
    );
  });

  it('noise removal takes whole paragraphs only: kept and removed are the paragraphs read, in order', () => {
    const noisy = fc.constantFrom('来源：澄湖发布', '发布:小编 时间:2026-01-05 字数:880字', '展开全文', '分享到：', '版权所有 © 澄湖网');
    const lines = fc.array(fc.oneof(input, noisy), { maxLength: 12 });
    fc.assert(
      fc.property(lines, (parts) => {
        const doc = readText(Buffer.from(parts.join('\n'), 'utf8'));
        const cleaned = removeWebNoise(doc);
        let kept = 0;
        let removed = 0;
        for (const block of doc.blocks) {
          if (block === cleaned.blocks[kept]) kept++;
          else {
            expect(block.kind).toBe('paragraph');
            expect(cleaned.removed[removed++]).toBe((block as SourceParagraph).text);
          }
        }
        expect(kept).toBe(cleaned.blocks.length);
        expect(removed).toBe(cleaned.removed.length);
      }),
      { numRuns: 200 },
    );
  });
});
