/** A minimal .docx from hand-written parts, for what the `docx` library cannot write. */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  /** The prefix the file uses for WordprocessingML (another tool's choice). */
  prefix?: string;
}

export function makeDocx({ body, styles, numbering, prefix = 'w' }: Parts): Uint8Array {
  const ns = `xmlns:${prefix}="${W}"`;
  const rels = [
    styles !== undefined ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '',
    numbering !== undefined ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${prefix}:document ${ns}><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`),
  };
  if (styles !== undefined) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${styles}</w:styles>`);
  if (numbering !== undefined) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${numbering}</w:numbering>`);
  return zipSync(files);
}

/** `<w:p>` with a style, a numPr and runs of plain text. */
export function para(text: string, options: { style?: string; numId?: string; ilvl?: number; pPr?: string } = {}): string {
  const numPr =
    options.numId !== undefined
      ? `<w:numPr>${options.ilvl !== undefined ? `<w:ilvl w:val="${options.ilvl}"/>` : ''}<w:numId w:val="${options.numId}"/></w:numPr>`
      : '';
  const style = options.style ? `<w:pStyle w:val="${options.style}"/>` : '';
  return `<w:p><w:pPr>${style}${numPr}${options.pPr ?? ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
}

export function level(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}
