/**
 * Every GB/T 9704-2012 figure the docx emitter uses, in the units the standard uses (mm, pt).
 * Conversion to Word's units (twips, half-points, eighths) happens only through the helpers below.
 */

export const PAPER_MM = { width: 210, height: 297 } as const;
/** §5.2.1: 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm, leaving right 26 and bottom 35. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
/** §5.2.2: 22 lines a page, 28 characters a line. */
export const GRID = { linesPerPage: 22, charsPerLine: 28 } as const;

/** Chinese type sizes (号) in points. */
export const SIZE_PT = {
  chuhao: 42,
  yihao: 26,
  erhao: 22,
  xiaoer: 18,
  sanhao: 16,
  xiaosan: 15,
  sihao: 14,
  xiaosi: 12,
  wuhao: 10.5,
} as const;

export const FONT = {
  /** 标题: 2号小标宋. */
  title: '方正小标宋简体',
  /** 正文: 3号仿宋. */
  body: '仿宋_GB2312',
  /** 一级标题. */
  heading1: '黑体',
  /** 二级标题. */
  heading2: '楷体_GB2312',
  /** 页码: 4号半角宋体. */
  pageNumber: '宋体',
  /** Digits and Latin text, as offices set them. */
  latin: 'Times New Roman',
} as const;

export const TEXT_PT = {
  title: SIZE_PT.erhao,
  body: SIZE_PT.sanhao,
  pageNumber: SIZE_PT.sihao,
  table: SIZE_PT.sihao,
} as const;

/** §7.5: the page-number line sits 7 mm below the type area; odd pages right, even pages left, 1 character in. */
export const PAGE_NUMBER = { gapBelowTypeAreaMm: 7, sideIndentChars: 1 } as const;

/** §7.3.5.2: 署名 2 characters in from the right; the date starts 2 characters right of the 署名. */
export const SIGNATURE = { rightIndentChars: 2, dateShiftChars: 2 } as const;

/**
 * 16 pt characters are 0.2 pt too wide for 28 in 156 mm. Word's character grid squeezes them, but
 * LibreOffice's grid puts a glyph wider than its cell into two cells (14 a line). Condensing every
 * run by 0.25 pt fits 28 a line in Word, WPS and LibreOffice alike, so the grid is lines-only.
 */
export const CONDENSE_PT = 0.25;

/** First-line indent of body paragraphs and headings, in characters. */
export const PARAGRAPH_INDENT_CHARS = 2;

export const COLOR = { text: '000000', red: 'FF0000' } as const;

// ── derived figures ────────────────────────────────────────────────────────────

const PT_PER_MM = 72 / 25.4;

/** Line pitch that puts exactly 22 lines in the 225 mm type area. */
export const LINE_PITCH_PT = (TYPE_AREA_MM.height * PT_PER_MM) / GRID.linesPerPage;
/** Advance of one body character once condensed: 28 of them fill the 156 mm line. */
export const CHAR_PITCH_PT = SIZE_PT.sanhao - CONDENSE_PT;

// ── unit conversion at the edge ────────────────────────────────────────────────

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
/** Twentieths of a point, Word's main unit. Floors, so a grid of 22 lines never overflows the page. */
export const ptToTwip = (pt: number): number => Math.floor(pt * 20);
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * 20);
/** Half-points, the unit of w:sz. */
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);
/** Characters of body text at the grid pitch, in twips. */
export const charsToTwip = (chars: number): number => Math.round(chars * CHAR_PITCH_PT * 20);

// ── the official-document frame (§7.2, §7.4) ─────────────────────────────────

/** 发文机关标志: red 小标宋, its top edge 35 mm below the type area's; at most 初号, narrower to fit the line. */
export const LETTERHEAD = { topBelowTypeAreaMm: 35, maxSizePt: SIZE_PT.chuhao } as const;
/** 发文字号 two lines below the 标志; the red separator 4 mm below it, 0.35–0.5 mm thick; the title two lines below that. */
export const DOC_NUMBER = { blankLinesAbove: 2, separatorGapMm: 4, separatorPt: 1.25, blankLinesBelow: 2, sideIndentChars: 1 } as const;
/** With a seal, the date keeps 4 characters from the right and the 署名 is centred over it (§7.3.5.1). */
export const SEAL = { dateRightIndentChars: 4 } as const;
/** 版记 in 4号仿宋 between full-width rules: first and last 0.35 mm, middle 0.25 mm; text 1 character in (§7.4). */
export const IMPRINT = { sizePt: SIZE_PT.sihao, sideIndentChars: 1, outerRulePt: 1, innerRulePt: 0.75 } as const;

/** Eighths of a point, the unit of border widths. */
export const ptToEighths = (pt: number): number => Math.round(pt * 8);
