/** Text boxes are read: their paragraphs follow the paragraph that anchors them, once each. */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/import/read-docx.js';
import type { SourceParagraph } from '../../src/import/source-document.js';
import { makeDocx, para } from './docx-parts.js';

const WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;

describe('readDocx: text boxes', () => {
  it('reads a box Word wrote twice (DrawingML and its VML fallback) once', () => {
    const run = `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ${WPS}><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('联系人：镇河长办')}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('联系人：镇河长办')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = `<w:p>${run}<w:r><w:t>一、落实保洁责任</w:t></w:r></w:p>${para('每条河道落实一名镇干部。')}`;
    const texts = (readDocx(makeDocx({ body })).blocks as SourceParagraph[]).map((b) => b.text);
    expect(texts).toEqual(['一、落实保洁责任', '联系人：镇河长办', '每条河道落实一名镇干部。']);
  });

  it('reads a VML text box of an older document', () => {
    const body = `<w:p><w:r><w:pict ${WPS}><v:shape><v:textbox>${box('附：巡河路线示意')}</v:textbox></v:shape></w:pict></w:r></w:p>${para('正文第一段。')}`;
    const texts = (readDocx(makeDocx({ body })).blocks as SourceParagraph[]).map((b) => b.text);
    expect(texts).toEqual(['附：巡河路线示意', '正文第一段。']);
  });
});

describe('readDocx: notes', () => {
  it('says where a footnote stands, since its text is not read', () => {
    const body = `<w:p><w:r><w:t>巡河情况每周通报一次。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>${para('正文第二段。')}`;
    const doc = readDocx(makeDocx({ body }));
    expect(doc.skipped).toEqual(['“巡河情况每周通报一次。”一段有 1 个脚注或尾注，注文没有读取，请对照原件']);
  });
});
