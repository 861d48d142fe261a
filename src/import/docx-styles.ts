/**
 * styles.xml as the reader needs it: for each style, the paragraph and run properties it gives
 * once its `basedOn` chain is folded in, so a paragraph asks one style and gets the answer Word
 * would show. Only the properties the SourceDocument carries are read.
 */
import { SourceFormatError } from './source-format-error.js';
import { type XmlElement, boundedInteger, child, childrenNamed, toggleOf, valOf } from './xml-tree.js';

export interface RunProps {
  bold?: boolean;
  /** Half-points, as w:sz says. */
  size?: number;
  /** RRGGBB, or `auto`. */
  color?: string;
  hidden?: boolean;
}

export interface ParagraphProps {
  align?: string;
  outlineLevel?: number;
  pageBreakBefore?: boolean;
  numId?: string;
  ilvl?: number;
}

export interface ResolvedStyle {
  id: string;
  /** Names along the basedOn chain, own first, lower-cased: `heading 1`, `标题 1`, `title`. */
  names: string[];
  paragraph: ParagraphProps;
  run: RunProps;
}

export interface DocxStyles {
  /** The style a paragraph without w:pStyle has (w:default="1"). */
  defaultParagraph?: string;
  /** docDefaults: what applies under every style. */
  defaults: { paragraph: ParagraphProps; run: RunProps };
  get(id: string | undefined): ResolvedStyle | undefined;
}

/** Run properties written in a w:rPr (direct, in a style, or in docDefaults). */
export function readRunProps(rPr: XmlElement | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const bold = toggleOf(rPr, 'w:b');
  if (bold !== undefined) out.bold = bold;
  // Half-points: Word sets type from 1 to 1638 pt.
  const size = boundedInteger(valOf(rPr, 'w:sz'), 0, 3276);
  if (size !== undefined && size > 0) out.size = size;
  const color = valOf(rPr, 'w:color');
  if (color) out.color = color;
  const hidden = toggleOf(rPr, 'w:vanish');
  if (hidden !== undefined) out.hidden = hidden;
  return out;
}

/** Paragraph properties written in a w:pPr. */
export function readParagraphProps(pPr: XmlElement | undefined): ParagraphProps {
  const out: ParagraphProps = {};
  if (!pPr) return out;
  const align = valOf(pPr, 'w:jc');
  if (align) out.align = align;
  // 0–8 are the heading levels, 9 is body text.
  const outline = boundedInteger(valOf(pPr, 'w:outlineLvl'), -1, 9);
  if (outline !== undefined) out.outlineLevel = outline;
  const pageBreak = toggleOf(pPr, 'w:pageBreakBefore');
  if (pageBreak !== undefined) out.pageBreakBefore = pageBreak;
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = valOf(numPr, 'w:numId');
    if (numId !== undefined) out.numId = numId;
    const ilvl = boundedInteger(valOf(numPr, 'w:ilvl'), 0, 8);
    if (ilvl !== undefined) out.ilvl = ilvl;
  }
  return out;
}

/** `over` where it says something, `under` elsewhere. */
export function mergeProps<T extends object>(under: T, over: T): T {
  const out = { ...under } as Record<string, unknown>;
  for (const [key, value] of Object.entries(over)) if (value !== undefined) out[key] = value;
  return out as T;
}

interface RawStyle {
  names: string[];
  basedOn?: string;
  paragraph: ParagraphProps;
  run: RunProps;
}

/**
 * Longer than any style sheet's basedOn chain (Word's own are a few styles deep); each style
 * carries the names of its chain, so a chain without end would cost its length squared.
 */
const MAX_STYLE_CHAIN = 256;

/** Reads styles.xml (absent: an empty style sheet). */
export function readStyles(root: XmlElement | undefined): DocxStyles {
  const raw = new Map<string, RawStyle>();
  let defaultParagraph: string | undefined;
  const defaults = { paragraph: {} as ParagraphProps, run: {} as RunProps };
  const sheet = root && child(root, 'w:styles');
  if (sheet) {
    const docDefaults = child(sheet, 'w:docDefaults');
    defaults.run = readRunProps(child(child(docDefaults, 'w:rPrDefault'), 'w:rPr'));
    defaults.paragraph = readParagraphProps(child(child(docDefaults, 'w:pPrDefault'), 'w:pPr'));
    for (const style of childrenNamed(sheet, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const type = style.attrs['w:type'] ?? 'paragraph';
      if (type === 'paragraph' && ['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) defaultParagraph = id;
      const name = valOf(style, 'w:name');
      const basedOn = valOf(style, 'w:basedOn');
      raw.set(id, {
        names: name ? [name.trim().toLowerCase()] : [],
        ...(basedOn !== undefined ? { basedOn } : {}),
        paragraph: readParagraphProps(child(style, 'w:pPr')),
        run: readRunProps(child(style, 'w:rPr')),
      });
    }
  }
  const resolved = new Map<string, ResolvedStyle | undefined>();
  const get = (id: string | undefined): ResolvedStyle | undefined => {
    if (id === undefined) return undefined;
    if (resolved.has(id)) return resolved.get(id);
    // The chain up to the first style already known, walked with a loop (a file can chain
    // thousands of styles); a basedOn loop, which Word refuses but files can hold, ends it.
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !resolved.has(at) && !seen.has(at); at = raw.get(at)?.basedOn) {
      if (chain.length === MAX_STYLE_CHAIN) {
        throw new SourceFormatError(`样式“${id}”的基准样式（basedOn）链超过 ${MAX_STYLE_CHAIN} 层，不像正常的 Word 文档，未导入`);
      }
      seen.add(at);
      chain.push(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const styleId = chain[i]!;
      const own = raw.get(styleId);
      if (!own) {
        resolved.set(styleId, undefined);
        continue;
      }
      const base = own.basedOn !== undefined ? resolved.get(own.basedOn) : undefined;
      resolved.set(styleId, {
        id: styleId,
        names: [...own.names, ...(base?.names ?? [])],
        paragraph: base ? mergeProps(base.paragraph, own.paragraph) : own.paragraph,
        run: base ? mergeProps(base.run, own.run) : own.run,
      });
    }
    return resolved.get(id);
  };
  return { ...(defaultParagraph !== undefined ? { defaultParagraph } : {}), defaults, get };
}
