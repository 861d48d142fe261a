/** The empty grid line, shared by the body and the frame. */
import { Paragraph } from 'docx';
import { STYLE } from './styles.js';

/** Direct keepNext only where wanted: docx writes `w:val="false"` otherwise, overriding the style. */
export const keep = (keepNext: boolean) => (keepNext ? { keepNext: true } : {});

/** An empty line on the grid: GB/T spacing is counted in blank lines, as a 文秘 types them. */
export function blankLine(keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.flush, ...keep(keepNext), children: [] });
}

/** What follows a table that ends a section: Word needs a paragraph there, a reader wants none. */
export function tableEnd(): Paragraph {
  return new Paragraph({ style: STYLE.tableEnd, children: [] });
}
