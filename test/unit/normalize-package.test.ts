/**
 * Reproducible packages: random relationship ids become rIdW1, rIdW2… wherever they stand as an
 * attribute's value, and the document's own words are never touched, however much they look like
 * an id (“ride” was once written as rIdW1 in the .docx and the .xlsx).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { emitXlsx } from '../../src/emit/xlsx.js';
import { zipParts } from '../../src/emit/normalize-package.js';

const DATE = new Date(Date.UTC(2026, 0, 5));
const WORDS = 'ride sharing “ride” "rIdabc" Rid-x rIdW1 override';

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]!);
}

describe('zipParts', () => {
  it('renames random relationship ids in attributes, in order of first appearance, and nothing in text', () => {
    const parts = new Map<string, string>([
      ['word/_rels/document.xml.rels', '<Relationships><Relationship Id="rIdQxz" Target="a.xml"/><Relationship Id="rId7" Target="b.xml"/><Relationship Id="rIdab_c" Target="c.xml"/></Relationships>'],
      ['word/document.xml', `<w:document><w:p><w:r><w:t>${WORDS}</w:t></w:r></w:p><w:sectPr><w:footerReference r:id="rIdab_c"/><w:headerReference r:id="rIdQxz" w:type="default"/></w:sectPr></w:document>`],
    ]);
    const bytes = zipParts(parts, DATE);
    expect(part(bytes, 'word/_rels/document.xml.rels')).toBe(
      '<Relationships><Relationship Id="rIdW1" Target="a.xml"/><Relationship Id="rId7" Target="b.xml"/><Relationship Id="rIdW2" Target="c.xml"/></Relationships>',
    );
    const document = part(bytes, 'word/document.xml');
    expect(document).toContain(`<w:t>${WORDS}</w:t>`);
    expect(document).toContain('<w:footerReference r:id="rIdW2"/><w:headerReference r:id="rIdW1" w:type="default"/>');
  });
});

describe('words that look like relationship ids', () => {
  it('stay as written in the .docx', async () => {
    const bytes = await emitDocx([{ type: 'paragraph', runs: [{ text: WORDS }] }], { title: 't', creator: 'workplan', date: DATE, pageNumbers: 'outside' });
    expect(part(bytes, 'word/document.xml')).toContain(WORDS.replaceAll('"', '&quot;'));
  });

  it('stay as written in an .xlsx sheet name, which is an attribute but not an id', async () => {
    const bytes = await emitXlsx([{ type: 'table', header: ['序号', '任务'], rows: [['1', '甲']] }], { title: 'ride', date: DATE });
    expect(part(bytes, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="ride"/);
  });

  it('stay as written in the .xlsx, where the writer leaves quotes bare', async () => {
    const bytes = await emitXlsx([{ type: 'table', header: ['序号', '任务'], rows: [['1', WORDS]] }], { title: 't', date: DATE });
    const strings = Object.entries(unzipSync(bytes))
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, data]) => strFromU8(data))
      .join('\n');
    expect(strings).toContain(WORDS);
  });
});
