/**
 * Import of hostile sources (issue 26): numbers that would grow a counter without end, XML and
 * Markdown nested thousands deep, a basedOn chain, 300,000 paragraphs, a zip bomb, parts in GBK
 * and UTF-16. Each is either refused with a Chinese UsageError (exit 2 in the CLI) or read
 * correctly; none may overflow the stack, run for minutes or fill memory. The files are made
 * here (scripts/hostile-sources.mjs), at the sizes that once broke import.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/import/source-document.js';
import { importDocuments } from '../../src/pipeline/import-documents.js';
import { readSource } from '../../src/pipeline/read-source.js';
import { UsageError } from '../../src/usage-error.js';
import { ROOT, runCli } from '../helpers.js';
// @ts-expect-error a plain ES module shared with the fuzzer, without type declarations
import * as hostile from '../../scripts/hostile-sources.mjs';

interface Hostile {
  SAMPLE_LINES: string[];
  NESTING_KINDS: string[];
  makeDocx(parts: { body?: string; styles?: string; numbering?: string; parts?: Record<string, Uint8Array>; level?: number }): Uint8Array;
  paragraphXml(text: string, pPr?: string): string;
  numberingStart(start: number, format?: string, paragraphs?: number): Uint8Array;
  nestedBody(kind: string, depth: number): string;
  styleChain(length: number): Uint8Array;
  manyParagraphs(count: number): Uint8Array;
  zipBomb(megabytes: number): Uint8Array;
  nestedQuotes(depth: number): Uint8Array;
  nestedList(depth: number): Uint8Array;
  encodedDocument(declared: string, encode: (text: string) => Uint8Array, bom?: number[]): Uint8Array;
}
const h = hostile as Hostile;

const dir = mkdtempSync(path.join(tmpdir(), 'workplan-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const full = path.join(dir, name);
  writeFileSync(full, bytes);
  return full;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** The bomb takes seconds to compress: made once. */
let bombBytes: Uint8Array | undefined;
const bomb = () => (bombBytes ??= h.zipBomb(300));

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const error = await readSource(file(name, bytes)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  const message = (error as UsageError).message;
  expect(message).toMatch(CHINESE);
  expect(message).toContain(name);
  return message;
}

const texts = (doc: SourceDocument) => doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.flat().map((c) => c.text).join('|')));

describe('numbers read from the package are bounded', () => {
  it('a list starting at 999999999 shows its number, in digits once letters would run long', async () => {
    for (const format of ['upperLetter', 'decimal']) {
      const doc = await readSource(file(`start-${format}.docx`, h.numberingStart(999999999, format)));
      expect(texts(doc)).toEqual(h.SAMPLE_LINES.slice(0, 3).map((line, i) => `${999999999 + i}.${line}`));
    }
  });

  it('a start of 99999999999999 is held to the largest Word keeps, and import writes a plan', async () => {
    const source = file('start-huge.docx', h.numberingStart(99999999999999));
    const doc = await readSource(source);
    expect(texts(doc)[0]).toBe(`${2 ** 31 - 1}.${h.SAMPLE_LINES[0]}`);
    const { plans } = await importDocuments([source], { output: '-', today: '2026-03-01' });
    expect(plans[0]!.text).toContain('加强理论学习');
  });

  it('letters stay letters while they are short: 27 is AA', async () => {
    const doc = await readSource(file('start-27.docx', h.numberingStart(27, 'upperLetter', 2)));
    expect(texts(doc)).toEqual([`AA.${h.SAMPLE_LINES[0]}`, `BB.${h.SAMPLE_LINES[1]}`]);
  });

  it('a symbol code past Unicode and a span of a billion columns are no crash', async () => {
    const body =
      '<w:p><w:r><w:sym w:font="SimSun" w:char="FFFFFFFF"/><w:t>符号之后</w:t></w:r></w:p>' +
      `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="999999999999"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="999999999999"/></w:tcPr>${h.paragraphXml('合并单元格')}</w:tc></w:tr></w:tbl>`;
    const doc = await readSource(file('numbers.docx', h.makeDocx({ body })));
    expect(texts(doc)).toEqual(['符号之后', '合并单元格']);
    const table = doc.blocks[1]!;
    expect(table.kind === 'table' ? table.rows[0]![0]!.colSpan : undefined).toBe(63);
  });
});

describe('XML nested deep', () => {
  for (const kind of h.NESTING_KINDS) {
    for (const depth of [20_000, 200_000]) {
      it(`${kind} nested ${depth} deep is refused with the depth named`, async () => {
        const message = await refusal(`${kind}-${depth}.docx`, h.makeDocx({ body: h.nestedBody(kind, depth) }));
        expect(message).toContain('嵌套超过 512 层');
      });
    }
  }

  it('nesting as deep as real documents go still reads', async () => {
    const doc = await readSource(file('sdt-100.docx', h.makeDocx({ body: h.nestedBody('sdt', 100) + h.nestedBody('table', 40) })));
    expect(texts(doc)).toEqual([h.SAMPLE_LINES[1], h.SAMPLE_LINES[1]]);
  });

  it('a basedOn chain of 20,000 and 200,000 styles is refused; one of 200 folds its base in', async () => {
    for (const length of [20_000, 200_000]) {
      expect(await refusal(`chain-${length}.docx`, h.styleChain(length))).toContain('basedOn');
    }
    const doc = await readSource(file('chain-200.docx', h.styleChain(200)));
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.align : undefined))).toEqual(['center', 'center']);
  });
});

describe('size', () => {
  it('300,000 small paragraphs import, each a measure (none is shaped like a 公文 title, so the title is left empty)', async () => {
    const source = file('many.docx', h.manyParagraphs(300_000));
    const { plans } = await importDocuments([source], { output: '-', today: '2026-03-01' });
    const titles = plans[0]!.text.match(/- title: 事项\d+\n/g) ?? [];
    expect(titles.length).toBe(300_000);
    expect(titles[0]).toBe('- title: 事项1\n');
    expect(titles.at(-1)).toBe('- title: 事项300000\n');
  }, 60_000);

  it('a zip bomb (a small file unpacking to 300 MB) is refused before it is inflated', async () => {
    expect(bomb().length).toBeLessThan(2 * 1024 * 1024);
    const message = await refusal('bomb.docx', bomb());
    expect(message).toMatch(/word\/document\.xml”解压后有 \d+ MB，超过 24 MB/);
  });

  it('parts each under the bound but together over it are refused', async () => {
    // 22 MB of document and 15 MB of styles (a character of 样 is three bytes).
    const filler = h.paragraphXml('统战工作').repeat(Math.ceil((22 * 1024 * 1024) / new TextEncoder().encode(h.paragraphXml('统战工作')).length));
    const styles = `<w:style w:type="paragraph" w:styleId="a"><w:name w:val="${'样'.repeat(5 * 1024 * 1024)}"/></w:style>`;
    const message = await refusal('two-parts.docx', h.makeDocx({ body: filler, styles, level: 1 }));
    expect(message).toContain('合计超过 36 MB');
  });
});

describe('Markdown nested deep', () => {
  it('8,000 nested quotes and 2,000 list levels are refused, naming the line', async () => {
    expect(await refusal('quotes.md', h.nestedQuotes(8000))).toContain('第 3 行的引用或列表嵌套超过 32 层');
    // The list opens one level a line after a heading and a blank line: level 33 is line 35.
    expect(await refusal('list.md', h.nestedList(2000))).toContain('第 35 行的引用或列表嵌套超过 32 层');
  });

  it('quotes and lists as deep as documents go read, and so does deep emphasis', async () => {
    const quoted = await readSource(file('quotes-10.md', h.nestedQuotes(10)));
    expect(texts(quoted)).toEqual(['深层引用', '学习制度。']);
    const list = await readSource(file('list-20.md', h.nestedList(20)));
    expect(texts(list)).toEqual(['深层列表', ...Array.from({ length: 20 }, (_, i) => `第${i + 1}层事项`)]);
    const emphasis = `${'**强调**，'.repeat(100)}\n`;
    const read = await readSource(file('emphasis.md', strToU8(emphasis)));
    expect(texts(read)).toEqual(['强调，'.repeat(100)]);
  });

  it('a line of 20,000 emphasis marks is refused (micromark would pair them for half a minute)', async () => {
    const marks = `# 标题\n\n${'**'.repeat(10_000)}文字${'*'.repeat(10_000)}\n`;
    expect(await refusal('marks.md', strToU8(marks))).toContain('第 3 行有超过 1000 个强调符号');
  });

  it('lines ended by CR alone are lines too', async () => {
    expect(await refusal('quotes-cr.md', strToU8(`# 标题\r\r${'> '.repeat(40)}引用\r`))).toContain('第 3 行');
  });
});

describe('encodings a part may declare', () => {
  it('GBK, GB2312 and UTF-16 (either byte order, with its mark) read as the text they hold', async () => {
    const cases: [string, Uint8Array][] = [
      ['gbk.docx', h.encodedDocument('GBK', (t) => iconv.encode(t, 'gbk'))],
      ['gb2312.docx', h.encodedDocument('gb2312', (t) => iconv.encode(t, 'gb2312'))],
      ['utf16le.docx', h.encodedDocument('UTF-16', (t) => iconv.encode(t, 'utf16le'), [0xff, 0xfe])],
      ['utf16be.docx', h.encodedDocument('UTF-16', (t) => iconv.encode(t, 'utf16be'), [0xfe, 0xff])],
      ['utf16-nomark.docx', h.encodedDocument('UTF-16', (t) => iconv.encode(t, 'utf16le'))],
    ];
    for (const [name, bytes] of cases) expect(texts(await readSource(file(name, bytes))), name).toEqual(h.SAMPLE_LINES);
  });

  it('an encoding nobody knows, and bytes that are not the UTF-8 they claim, are refused by name', async () => {
    const unknown = await refusal('klingon.docx', h.encodedDocument('x-klingon', (t) => strToU8(t)));
    expect(unknown).toContain('声明的字符编码“x-klingon”无法识别');
    const broken = await refusal('broken.docx', h.encodedDocument('UTF-8', (t) => iconv.encode(t, 'gbk')));
    expect(broken).toContain('不是有效的 UTF-8');
  });
});

describe('the built binary under a 1 GB heap', () => {
  const run = (name: string, bytes: Uint8Array) => {
    const source = file(name, bytes);
    return runCli(['import', source, '-o', '-'], { cwd: ROOT, env: { NODE_OPTIONS: '--max-old-space-size=1024' } });
  };
  const noTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|内部错误/);

  it('refuses the bomb and the deep XML with exit 2 and a Chinese message, and imports the huge start', () => {
    for (const [name, bytes] of [
      ['bomb-cli.docx', bomb()],
      ['deep-cli.docx', h.makeDocx({ body: h.nestedBody('customXml', 200_000) })],
      ['chain-cli.docx', h.styleChain(20_000)],
      ['quotes-cli.md', h.nestedQuotes(8000)],
    ] as const) {
      const r = run(name, bytes);
      expect(r.status, name).toBe(2);
      expect(r.stderr).toMatch(CHINESE);
      noTrace(r.stderr);
    }
    const imported = run('start-cli.docx', h.numberingStart(999999999));
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('999999999.');
    noTrace(imported.stderr);
  }, 60_000);
});
