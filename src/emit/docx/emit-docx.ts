/** emit: Blocks → a GB/T 9704 .docx (bytes). Pure: the caller writes the file. */
import {
  Document,
  DocumentGridType,
  type ISectionOptions,
  Packer,
  PageOrientation,
  type Paragraph,
  SectionType,
  type Table,
  VerticalAlignSection,
} from 'docx';
import { strFromU8 } from 'fflate';
import type { Block } from '../../markdown/blocks.js';
import { type DocumentLabels, HANS_LABELS } from '../labels.js';
import { blankLine, tableEnd } from './blank-line.js';
import { blockToParagraphs } from './block-paragraphs.js';
import { imprintRows } from './frame.js';
import { type PageNumberPlacement, buildFooters } from './footers.js';
import { GRID, LINE_PITCH_PT, MARGIN_MM, PAGE_NUMBER, PAPER_MM, TEXT_PT, TYPE_AREA_MM, mmToTwip, ptToTwip } from './gbt9704.js';
import { unzipPackage, zipParts } from '../normalize-package.js';
import { buildStyles, patchSettingsXml, patchStylesXml } from './styles.js';
import { buildTable } from './table.js';
import type { RevisionMarks } from './runs.js';
import { DeferredChildren, DeferredXml } from './deferred-xml.js';

const DOCUMENT_XML = 'word/document.xml';

/** Blocks per deferred run (deferred-xml.ts): a run's objects take a few MB at most. */
const DEFERRED_RUN = 100;

export interface DocxMeta {
  title: string;
  creator: string;
  /** Written into the core properties, so identical input gives identical bytes. */
  date: Date;
  pageNumbers: PageNumberPlacement;
  /** The words the emitter prints itself, in the document's script (简体 when not given). */
  labels?: DocumentLabels;
  /** A redline (blocks with tracked changes): who made the changes and when (ISO 8601). */
  revision?: { author: string; date: string };
}

type Orientation = 'portrait' | 'landscape';

interface SectionPlan {
  orientation: Orientation;
  /** The 版记 section: starts on an even page, text at the foot, so the 版记 ends an even last page. */
  imprint: boolean;
  blocks: Block[];
}

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
      // Body text keeps the 22-line grid; a landscape section holds a table, whose rows keep their
      // own spacing instead of snapping every cell line to a 28.95 pt grid row.
      grid: portrait ? { type: DocumentGridType.LINES, linePitch: ptToTwip(LINE_PITCH_PT) } : { type: DocumentGridType.DEFAULT, linePitch: ptToTwip(LINE_PITCH_PT) },
    },
  };
}

/** Splits blocks at section markers and before the 版记; a plain document is one portrait section. */
function splitSections(blocks: readonly Block[]): SectionPlan[] {
  const sections: SectionPlan[] = [{ orientation: 'portrait', imprint: false, blocks: [] }];
  for (const block of blocks) {
    const current = sections[sections.length - 1]!;
    if (block.type === 'section') {
      if (current.blocks.length === 0) current.orientation = block.orientation;
      else sections.push({ orientation: block.orientation, imprint: false, blocks: [] });
    } else if (block.type === 'imprint') {
      sections.push({ orientation: 'portrait', imprint: true, blocks: [block] });
    } else {
      current.blocks.push(block);
    }
  }
  return sections;
}

/**
 * True for the blocks between the last text and the 署名 (the text itself and the 附件说明).
 * They keep with the 署名, so a page break moves text along with it: GB/T 9704 wants the 署名 on a
 * page that carries text.
 */
function leadsIntoSignature(blocks: readonly Block[], index: number): boolean {
  for (const next of blocks.slice(index + 1)) {
    if (next.type === 'signature') return true;
    if (next.type !== 'attachments') return false;
  }
  return false;
}

/**
 * The package's parts before docx zips them. Packer keeps its compiler in a static field that the
 * type declarations mark private but the library itself uses for every export; when a docx
 * release moves it, this gives undefined and the caller takes the zip-then-normalise path.
 */
function compileParts(document: Document): Map<string, string | Uint8Array> | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const parts = compiler.compile(document);
  return parts instanceof Map ? (parts as Map<string, string | Uint8Array>) : undefined;
}

/**
 * `deferredRun`: blocks per deferred run (deferred-xml.ts), 0 for none: everything is made at once
 * and written by the library alone, which the tests compare with.
 */
export async function emitDocx(blocks: readonly Block[], meta: DocxMeta, deferredRun = DEFERRED_RUN): Promise<Uint8Array> {
  const deferred = deferredRun > 0 ? new DeferredXml() : undefined;
  const labels = meta.labels ?? HANS_LABELS;
  let changeId = 0;
  const marks: RevisionMarks | undefined = meta.revision && { ...meta.revision, nextId: () => ++changeId };
  const sections: ISectionOptions[] = splitSections(blocks).map(({ orientation, imprint, blocks: own }, sectionIndex) => {
    const page = pageOf(orientation);
    const childrenOf = (block: Block, index: number): (Paragraph | Table)[] => {
      const children: (Paragraph | Table)[] = [];
      if (block.type === 'imprint') {
        // The 版记 page holds nothing else: blank grid lines put it at the foot even where the
        // client ignores vAlign (LibreOffice); one row stays spare so it never spills over.
        const rows = GRID.linesPerPage - imprintRows(block.cc) - 1;
        for (let i = 0; i < rows; i++) children.push(blankLine());
      }
      if (block.type === 'table') {
        const revision = block.changes && marks ? { changes: block.changes, marks, ...(block.headerChange ? { header: block.headerChange } : {}) } : undefined;
        children.push(buildTable(block.header, block.rows, page.typeWidthMm, deferred, revision));
        children.push(index === own.length - 1 ? tableEnd() : blankLine());
      } else {
        children.push(...blockToParagraphs(block, leadsIntoSignature(own, index), labels, marks));
      }
      return children;
    };
    // Runs of blocks are made while the body is written (deferred-xml.ts); the last block that
    // gives anything is made now, as the library puts the section's properties into its last paragraph.
    let last = own.length;
    let tail: (Paragraph | Table)[] = [];
    while (last > 0 && tail.length === 0) {
      last--;
      tail = childrenOf(own[last]!, last);
    }
    const children: (Paragraph | Table | DeferredChildren)[] = [];
    const run = deferredRun > 0 ? deferredRun : Infinity;
    for (let start = 0; start < last; start += run) {
      const end = Math.min(start + run, last);
      const make = () => own.slice(start, end).flatMap((block, i) => childrenOf(block, start + i));
      if (deferred) children.push(new DeferredChildren(make, deferred));
      else children.push(...make());
    }
    children.push(...tail);
    const properties = imprint ? { ...page.properties, type: SectionType.EVEN_PAGE, verticalAlign: VerticalAlignSection.BOTTOM } : page.properties;
    return { properties, footers: buildFooters(meta.pageNumbers, orientation, sectionIndex), children };
  });
  const document = new Document({
    creator: meta.creator,
    lastModifiedBy: meta.creator,
    title: meta.title,
    revision: 1,
    evenAndOddHeaderAndFooters: meta.pageNumbers === 'outside',
    // A 修订稿 goes to leaders who revise it: their edits are tracked too, beside the ones shown.
    ...(meta.revision ? { features: { trackRevisions: true } } : {}),
    styles: buildStyles(),
    sections,
  });
  const patches = { 'word/styles.xml': patchStylesXml, 'word/settings.xml': patchSettingsXml };
  // One compression pass: the parts as docx compiles them, normalised and zipped once.
  const parts = compileParts(document) ?? unzipPackage(await Packer.toBuffer(document));
  // The deferred runs go in before the parts are normalised, so their text is normalised too.
  const body = parts.get(DOCUMENT_XML);
  if (body !== undefined && deferred) parts.set(DOCUMENT_XML, deferred.fill(typeof body === 'string' ? body : strFromU8(body)));
  return zipParts(parts, meta.date, patches);
}
