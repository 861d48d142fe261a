/**
 * Numbering and run details Word writes but the `docx` library does not: startOverride,
 * lvlRestart, isLgl, numbering inherited from a style's basedOn chain, numStyleLink, revisions,
 * fields, symbols, hidden text, section breaks, and another tool's namespace prefix.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/read-docx.js';
import type { SourceParagraph } from '../../src/import/source-document.js';
import { level, makeDocx, para } from './docx-parts.js';

function texts(bytes: Uint8Array): string[] {
  return readDocx(bytes).blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
}

const OUTLINE = `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.')}</w:abstractNum>`;

describe('readDocx: numbering.xml in full', () => {
  it('two w:num on one list continue each other; a startOverride restarts', () => {
    const numbering = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const body = [
      para('甲项', { numId: '1', ilvl: 0 }),
      para('乙项', { numId: '2', ilvl: 0 }),
      para('丙项', { numId: '3', ilvl: 0 }),
      para('丁项', { numId: '3', ilvl: 0 }),
      para('不编号', { numId: '0', ilvl: 0 }),
    ].join('');
    expect(texts(makeDocx({ body, numbering }))).toEqual(['一、甲项', '二、乙项', '五、丙项', '六、丁项', '不编号']);
  });

  it('lvlRestart 0 keeps a lower level counting across higher ones; isLgl shows every level in digits', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}${level(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('第一部分', { numId: '1', ilvl: 0 }),
      para('事项', { numId: '1', ilvl: 1 }),
      para('细目', { numId: '1', ilvl: 2 }),
      para('第二部分', { numId: '1', ilvl: 0 }),
      para('事项', { numId: '1', ilvl: 1 }),
      para('细目', { numId: '1', ilvl: 2 }),
    ].join('');
    expect(texts(makeDocx({ body, numbering }))).toEqual(['一、第一部分', '1.事项', '1.1.1细目', '二、第二部分', '2.事项', '2.2.1细目']);
  });

  it('a heading style numbers its paragraphs through basedOn, with the level linked by w:pStyle; numStyleLink is followed', () => {
    const styles = `
      <w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:rPr><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的一级标题"/><w:basedOn w:val="1"/><w:rPr><w:sz w:val="36"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="ListLinked"><w:name w:val="列表样式"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、', '<w:pStyle w:val="1"/>')}${level(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="2"/>')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListLinked"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ListLinked"/>${level(0, 'ideographTraditional', '%1.')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>`;
    const body = [
      para('总体要求', { style: '1' }),
      para('指导思想', { style: '2' }),
      para('重点任务', { style: 'MyHeading' }),
      para('第一项', { numId: '3', ilvl: 0 }),
      para('第二项', { numId: '3', ilvl: 0 }),
    ].join('');
    const blocks = readDocx(makeDocx({ body, styles, numbering })).blocks as SourceParagraph[];
    expect(blocks.map((b) => b.text)).toEqual(['一、总体要求', '（一）指导思想', '二、重点任务', '甲.第一项', '乙.第二项']);
    expect(blocks[0]).toMatchObject({ headingLevel: 0, boldLength: 4, fontSize: 16, numberLength: 2 });
    expect(blocks[1]).toMatchObject({ headingLevel: 1 });
    expect(blocks[1]!.boldLength).toBeUndefined();
    expect(blocks[2]).toMatchObject({ headingLevel: 0, boldLength: 4, fontSize: 18 });
  });

  it('counts an empty numbered paragraph, as Word shows its number', () => {
    const numbering = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [para('', { numId: '1', ilvl: 2 }), para('第二条', { numId: '1', ilvl: 2 })].join('');
    expect(texts(makeDocx({ body, numbering }))).toEqual(['1.', '2.第二条']);
  });
});

describe('readDocx: runs', () => {
  it('keeps inserted text and field results; drops deleted text, field codes, hidden text and line-break joiners', () => {
    const body = `<w:p>
      <w:r><w:t xml:space="preserve">全年</w:t></w:r>
      <w:del w:id="1" w:author="a"><w:r><w:delText>删去的</w:delText></w:r></w:del>
      <w:ins w:id="2" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026年3月1日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
      <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>
      <w:r><w:t>召开12\u2060次会议</w:t><w:tab/><w:t>共计</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="宋体" w:char="2605"/></w:r>
      <w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>
    </w:p>`;
    expect(texts(makeDocx({ body }))).toEqual(['全年新增2026年3月1日召开12次会议\t共计★7']);
  });

  it('skips a table of contents field, whose result repeats the headings', () => {
    const body = `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体要求</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>
      <w:p><w:r><w:t>二、重点任务</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:p><w:fldSimple w:instr=" TOC \\o "><w:r><w:t>目录条目</w:t></w:r></w:fldSimple></w:p>
      ${para('一、总体要求')}`;
    expect(texts(makeDocx({ body }))).toEqual(['一、总体要求']);
  });

  it('w:b w:val="0" ends a bold lead that the style began; w:b w:val="false" too', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/><w:rPr><w:b/></w:rPr></w:style>`;
    const body = `<w:p><w:pPr><w:pStyle w:val="Lead"/></w:pPr><w:r><w:t>坚持问题导向。</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>逐项列出清单。</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>强化督办。</w:t></w:r><w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>按月通报。</w:t></w:r></w:p>`;
    const blocks = readDocx(makeDocx({ body, styles })).blocks as SourceParagraph[];
    expect(blocks.map((b) => b.boldLength)).toEqual([7, 5]);
  });

  it('reads bold from a character style, headings from 标题 N names, Title, pageBreakBefore and red from styles; a text box after its paragraph', () => {
    const styles = `
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 2"/><w:pPr><w:pageBreakBefore/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="a2"><w:name w:val="标题"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Red"><w:name w:val="红头"/><w:pPr><w:jc w:val="distribute"/></w:pPr><w:rPr><w:color w:val="C00000"/></w:rPr></w:style>`;
    const textBox =
      '<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent></wp:anchor></w:drawing></w:r>';
    const body = `<w:p><w:pPr><w:pStyle w:val="Red"/></w:pPr><w:r><w:t>澄湖区民族宗教事务局</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="a2"/></w:pPr>${textBox}<w:r><w:t>关于开展宗教活动场所安全检查的通知</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="a1"/></w:pPr><w:r><w:t>检查范围</w:t></w:r></w:p>
      <w:p><w:pPr><w:jc w:val="start"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>消防设施。</w:t></w:r><w:r><w:t>逐一查看灭火器有效期。</w:t></w:r></w:p>`;
    const blocks = readDocx(makeDocx({ body, styles })).blocks as SourceParagraph[];
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '澄湖区民族宗教事务局', align: 'justify', red: true },
      { kind: 'paragraph', text: '关于开展宗教活动场所安全检查的通知', align: 'center', title: true, fontSize: 22 },
      { kind: 'paragraph', text: '文本框里的字' },
      { kind: 'paragraph', text: '检查范围', headingLevel: 1, pageBreakBefore: true },
      { kind: 'paragraph', text: '消防设施。逐一查看灭火器有效期。', boldLength: 5, align: 'left' },
    ]);
  });

  it('a section break starts the next paragraph on a new page unless the next section is continuous', () => {
    const body = [
      para('第一节末段', { pPr: '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>' }),
      para('第二节首段'),
      para('第二节末段', { pPr: '<w:sectPr/>' }),
      para('第三节首段'),
      '<w:sectPr><w:type w:val="continuous"/></w:sectPr>',
    ].join('');
    const blocks = readDocx(makeDocx({ body })).blocks as SourceParagraph[];
    expect(blocks.map((b) => b.pageBreakBefore ?? false)).toEqual([false, true, false, false]);
  });

  it('an empty paragraph holding a page break carries it to the next paragraph', () => {
    const body = `${para('前文')}<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p/>${para('后文')}`;
    const blocks = readDocx(makeDocx({ body })).blocks as SourceParagraph[];
    expect(blocks.map((b) => [b.text, b.pageBreakBefore ?? false])).toEqual([
      ['前文', false],
      ['后文', true],
    ]);
  });

  it('reads WordprocessingML by namespace, whatever prefix the producer chose', () => {
    const body = '<ns0:p><ns0:pPr><ns0:jc ns0:val="center"/></ns0:pPr><ns0:r><ns0:t>换了前缀的标题</ns0:t></ns0:r></ns0:p>';
    const blocks = readDocx(makeDocx({ body, prefix: 'ns0' })).blocks as SourceParagraph[];
    expect(blocks).toEqual([{ kind: 'paragraph', text: '换了前缀的标题', align: 'center' }]);
  });

  it('reads 10,000 numbered paragraphs in well under two seconds', () => {
    const numbering = `${OUTLINE}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i++) parts.push(para(`第${i}段正文，写明任务、责任单位和完成时限。`, { numId: '1', ilvl: i % 3 }));
    const bytes = makeDocx({ body: parts.join(''), numbering });
    const started = performance.now();
    const blocks = readDocx(bytes).blocks;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(blocks).toHaveLength(10_000);
    expect((blocks[9998] as SourceParagraph).text).toBe('1.第9998段正文，写明任务、责任单位和完成时限。');
  });
});
