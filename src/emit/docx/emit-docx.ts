/** emit: Blocks → a GB/T 9704 .docx (bytes). Pure: the caller writes the file. */
import { Document, DocumentGridType, type ISectionOptions, Packer, PageOrientation, type Paragraph, type Table } from 'docx';
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

type Orientation = 'portrait' | 'landscape';

/** Footer distance that puts the top of the page-number line 7 mm below the type area. */
function footerDistanceTwip(bottomMarginMm: number): number {
  const lineMm = (TEXT_PT.pageNumber * 25.4) / 72;
  return mmToTwip(bottomMarginMm - PAGE_NUMBER.gapBelowTypeAreaMm - lineMm);
}

/**
 * Page geometry of a section. A landscape page is the portrait page turned a quarter clockwise:
 * the 订口 (left, 28 mm) comes to the top, and the type area stays 156 × 225 mm.
 */
function pageOf(orientation: Orientation): { properties: ISectionOptions['properties']; typeWidthMm: number } {
  const portrait = orientation === 'portrait';
  const margin = portrait
    ? MARGIN_MM
    : { top: MARGIN_MM.left, right: MARGIN_MM.top, bottom: MARGIN_MM.right, left: MARGIN_MM.bottom };
  return {
    typeWidthMm: portrait ? TYPE_AREA_MM.width : TYPE_AREA_MM.height,
    properties: {
      page: {
        size: {
          width: mmToTwip(PAPER_MM.width),
          height: mmToTwip(PAPER_MM.height),
          orientation: portrait ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
        },
        margin: {
          top: mmToTwip(margin.top),
          bottom: mmToTwip(margin.bottom),
          left: mmToTwip(margin.left),
          right: mmToTwip(margin.right),
          header: mmToTwip(15),
          footer: footerDistanceTwip(margin.bottom),
          gutter: 0,
        },
      },
      grid: { type: DocumentGridType.LINES, linePitch: ptToTwip(LINE_PITCH_PT) },
    },
  };
}

/** Splits blocks at section markers; a document without one is a single portrait section. */
function splitSections(blocks: readonly Block[]): { orientation: Orientation; blocks: Block[] }[] {
  const sections: { orientation: Orientation; blocks: Block[] }[] = [{ orientation: 'portrait', blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'section') {
      const current = sections[sections.length - 1]!;
      if (current.blocks.length === 0) current.orientation = block.orientation;
      else sections.push({ orientation: block.orientation, blocks: [] });
    } else {
      sections[sections.length - 1]!.blocks.push(block);
    }
  }
  return sections;
}

export async function emitDocx(blocks: readonly Block[], meta: DocxMeta): Promise<Uint8Array> {
  const sections: ISectionOptions[] = splitSections(blocks).map(({ orientation, blocks: own }) => {
    const page = pageOf(orientation);
    const children: (Paragraph | Table)[] = [];
    for (const block of own) {
      if (block.type === 'table') {
        children.push(buildTable(block.header, block.rows, page.typeWidthMm));
        children.push(blankLine());
      } else {
        children.push(...blockToParagraphs(block));
      }
    }
    return { properties: page.properties, footers: buildFooters(meta.pageNumbers), children };
  });
  const document = new Document({
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    title: meta.title,
    revision: 1,
    evenAndOddHeaderAndFooters: meta.pageNumbers === 'outside',
    styles: buildStyles(),
    sections,
  });
  const packed = await Packer.toBuffer(document);
  return normalizeDocx(packed, meta.date, { 'word/styles.xml': patchStylesXml });
}
