/** emit: Blocks → a GB/T 9704 .docx (bytes). Pure: the caller writes the file. */
import { Document, DocumentGridType, Packer, type Paragraph, type Table } from 'docx';
import type { Block } from '../../markdown/blocks.js';
import { blankLine, blockToParagraphs } from './block-paragraphs.js';
import { type PageNumberPlacement, buildFooters } from './footers.js';
import { LINE_PITCH_PT, MARGIN_MM, PAGE_NUMBER, PAPER_MM, TEXT_PT, TYPE_AREA_MM, mmToTwip, ptToTwip } from './gbt9704.js';
import { normalizeDocx } from './normalize-docx.js';
import { buildStyles, patchStylesXml } from './styles.js';
import { buildTable } from './table.js';

export interface DocxMeta {
  title: string;
  creator: string;
  /** Written into the core properties, so identical input gives identical bytes. */
  date: Date;
  pageNumbers: PageNumberPlacement;
}

/** Footer distance that puts the top of the page-number line 7 mm below the type area. */
function footerDistanceTwip(): number {
  const typeBottomMm = MARGIN_MM.top + TYPE_AREA_MM.height;
  const lineMm = (TEXT_PT.pageNumber * 25.4) / 72;
  return mmToTwip(PAPER_MM.height - typeBottomMm - PAGE_NUMBER.gapBelowTypeAreaMm - lineMm);
}

export async function emitDocx(blocks: readonly Block[], meta: DocxMeta): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.type === 'table') {
      children.push(buildTable(block.header, block.rows));
      children.push(blankLine());
    } else {
      children.push(...blockToParagraphs(block));
    }
  }
  const document = new Document({
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    title: meta.title,
    revision: 1,
    evenAndOddHeaderAndFooters: meta.pageNumbers === 'outside',
    styles: buildStyles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAPER_MM.width), height: mmToTwip(PAPER_MM.height) },
            margin: {
              top: mmToTwip(MARGIN_MM.top),
              bottom: mmToTwip(MARGIN_MM.bottom),
              left: mmToTwip(MARGIN_MM.left),
              right: mmToTwip(MARGIN_MM.right),
              header: mmToTwip(15),
              footer: footerDistanceTwip(),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: ptToTwip(LINE_PITCH_PT) },
        },
        footers: buildFooters(meta.pageNumbers),
        children,
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return normalizeDocx(packed, meta.date, { 'word/styles.xml': patchStylesXml });
}

