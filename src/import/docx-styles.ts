/**
 * styles.xml as the reader needs it: for each style, the paragraph and run properties it gives
 * once its `basedOn` chain is folded in, so a paragraph asks one style and gets the answer Word
 * would show. Only the properties the SourceDocument carries are read.
 */
import { type XmlElement, child, childrenNamed, toggleOf, valOf } from './xml-tree.js';

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
  const size = Number(valOf(rPr, 'w:sz'));
  if (Number.isFinite(size) && size > 0) out.size = size;
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
  const outline = Number(valOf(pPr, 'w:outlineLvl'));
  if (Number.isInteger(outline)) out.outlineLevel = outline;
  const pageBreak = toggleOf(pPr, 'w:pageBreakBefore');
  if (pageBreak !== undefined) out.pageBreakBefore = pageBreak;
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = valOf(numPr, 'w:numId');
    if (numId !== undefined) out.numId = numId;
    const ilvl = Number(valOf(numPr, 'w:ilvl'));
    if (Number.isInteger(ilvl)) out.ilvl = ilvl;
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
    // Mark before recursing: a basedOn loop (which Word refuses but files can hold) ends here.
    resolved.set(id, undefined);
    const own = raw.get(id);
    if (!own) return undefined;
    const base = own.basedOn !== undefined && own.basedOn !== id ? get(own.basedOn) : undefined;
    const style: ResolvedStyle = {
      id,
      names: [...own.names, ...(base?.names ?? [])],
      paragraph: base ? mergeProps(base.paragraph, own.paragraph) : own.paragraph,
      run: base ? mergeProps(base.run, own.run) : own.run,
    };
    resolved.set(id, style);
    return style;
  };
  return { ...(defaultParagraph !== undefined ? { defaultParagraph } : {}), defaults, get };
}
