// Hostile sources for `workplan import`, generated, never stored: the classes of issue 26 (numbers
// that blow up a counter, XML nested deep, a style chain, many small paragraphs, a zip bomb,
// Markdown nested deep, parts in other encodings). Each maker takes a size, so the tests use the
// sizes that once broke import and the fuzzer (`npm run fuzz -- --import`) draws its own.
import { Zip, ZipDeflate, ZipPassThrough, strToU8, unzipSync, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Paragraphs of original sample prose, for bodies that need real text around the attack. */
export const SAMPLE_LINES = [
  '一、加强理论学习',
  '（一）坚持每月集中学习。各支部结合实际安排学习内容，做到有计划、有记录。',
  '二、推进基层建设',
  '（一）完善网格服务。社区工作站每周走访一次，问题当天登记、限期办结。',
];

/** `<w:p>` holding one run of `text` (escaped). */
export function paragraphXml(text, pPr = '') {
  const escaped = String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escaped}</w:t></w:r></w:p>`;
}

/**
 * A .docx from raw parts: `body` goes inside w:body; `styles` and `numbering` inside their roots;
 * `parts` overrides any part by name with bytes (another encoding, a bomb). Level 0 = stored
 * entries, otherwise deflated at `level`.
 */
export function makeDocx({ body = '', styles, numbering, parts = {}, level = 6 } = {}) {
  const rels = [
    styles !== undefined || parts['word/styles.xml'] ? `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` : '',
    numbering !== undefined || parts['word/numbering.xml'] ? `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` : '',
  ].join('');
  const files = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(`${XML_HEAD}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
  };
  if (styles !== undefined) files['word/styles.xml'] = strToU8(`${XML_HEAD}<w:styles xmlns:w="${W}">${styles}</w:styles>`);
  if (numbering !== undefined) files['word/numbering.xml'] = strToU8(`${XML_HEAD}<w:numbering xmlns:w="${W}">${numbering}</w:numbering>`);
  Object.assign(files, parts);
  return zipSync(files, { level });
}

/** `open` × depth, then `inner`, then `close` × depth. */
function nest(open, close, depth, inner) {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** A numbered paragraph list whose counter starts at `start`, in `format`. */
export function numberingStart(start, format = 'upperLetter', paragraphs = 3) {
  const numbering =
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${start}"/></w:lvlOverride></w:num>`;
  const numPr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
  const body = Array.from({ length: paragraphs }, (_, i) => paragraphXml(SAMPLE_LINES[i % SAMPLE_LINES.length], numPr)).join('');
  return makeDocx({ body, numbering });
}

/** Body XML nested `depth` deep in one kind of container. */
export function nestedBody(kind, depth) {
  const text = paragraphXml(SAMPLE_LINES[1]);
  switch (kind) {
    case 'customXml':
      return nest('<w:customXml w:element="a">', '</w:customXml>', depth, text);
    case 'sdt':
      return nest('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', depth, text);
    case 'hyperlink':
      return `<w:p>${nest('<w:hyperlink>', '</w:hyperlink>', depth, '<w:r><w:t>深层链接</w:t></w:r>')}</w:p>`;
    case 'smartTag':
      return `<w:p>${nest('<w:smartTag w:element="x">', '</w:smartTag>', depth, '<w:r><w:t>深层标记</w:t></w:r>')}</w:p>`;
    case 'table':
      // A table in a cell in a table…: each level is tbl/tr/tc.
      return nest('<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', depth, text);
    case 'unknown':
      return nest('<w:foo>', '</w:foo>', depth, text);
    default:
      throw new Error(`unknown nesting ${kind}`);
  }
}

export const NESTING_KINDS = ['customXml', 'sdt', 'hyperlink', 'smartTag', 'table', 'unknown'];

/**
 * A style sheet where each style is based on the one before, `length` long, the first centred;
 * the body uses the last and the middle one.
 */
export function styleChain(length) {
  const styles = [];
  for (let i = 0; i < length; i++) {
    styles.push(
      `<w:style w:type="paragraph" w:styleId="s${i}"><w:name w:val="style ${i}"/>${i > 0 ? `<w:basedOn w:val="s${i - 1}"/>` : '<w:pPr><w:jc w:val="center"/></w:pPr>'}</w:style>`,
    );
  }
  const body = paragraphXml(SAMPLE_LINES[0], `<w:pStyle w:val="s${length - 1}"/>`) + paragraphXml(SAMPLE_LINES[1], `<w:pStyle w:val="s${Math.floor(length / 2)}"/>`);
  return makeDocx({ body, styles: styles.join('') });
}

/** `count` small paragraphs, each a numbered heading (一、 to 九、 over and over): one measure each. */
export function manyParagraphs(count) {
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(paragraphXml(`${'一二三四五六七八九'[i % 9]}、事项${i + 1}`));
  return makeDocx({ body: parts.join('') });
}

/**
 * A zip bomb: document.xml of about `megabytes` MB of one repeated paragraph, highly compressed.
 * Deflated as a stream, a megabyte at a time, so making it takes no more memory than the result.
 */
export function zipBomb(megabytes) {
  const plain = makeDocx({ body: '' });
  const parts = unzipSync(plain);
  const chunks = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'word/document.xml') continue;
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(data, true);
  }
  const entry = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(entry);
  const unit = strToU8(paragraphXml('统战工作统战工作统战工作统战工作'));
  const count = Math.ceil((1024 * 1024) / unit.length);
  const block = new Uint8Array(unit.length * count);
  for (let i = 0; i < count; i++) block.set(unit, i * unit.length);
  entry.push(strToU8(`${XML_HEAD}<w:document xmlns:w="${W}"><w:body>`));
  for (let i = 0; i < megabytes; i++) entry.push(block);
  entry.push(strToU8('</w:body></w:document>'), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Markdown: `depth` nested blockquotes around a paragraph. */
export function nestedQuotes(depth) {
  return strToU8(`# 深层引用\n\n${'> '.repeat(depth)}学习制度。\n`);
}

/** Markdown: a list nested `depth` levels, each item indented under the one before. */
export function nestedList(depth) {
  const lines = ['# 深层列表', ''];
  for (let i = 0; i < depth; i++) lines.push(`${'  '.repeat(i)}- 第${i + 1}层事项`);
  return strToU8(`${lines.join('\n')}\n`);
}

/** document.xml in `encoding` (iconv-lite bytes handed in by the caller), declared so. */
export function encodedDocument(declared, encode, bom = []) {
  const text = `<?xml version="1.0" encoding="${declared}" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${SAMPLE_LINES.map((l) => paragraphXml(l)).join('')}</w:body></w:document>`;
  const bytes = encode(text);
  return makeDocx({ parts: { 'word/document.xml': new Uint8Array([...bom, ...bytes]) } });
}
