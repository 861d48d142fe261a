/**
 * Which line of a document is its title, read by shape as a 文秘 reads a page: what the author
 * marked as the title first; else a line shaped like a 公文 title (关于……的通知/意见/方案,
 * ……工作要点/安排意见/总结, 在……上的发言/讲话/汇报); else the first short line that could be one.
 * Salutations, 主送 lines, long paragraphs, lists of phrases (a spam line) and numbered lines are
 * never a title; none found, there is none — the import leaves the title for the author.
 */
import { bothScripts } from '../text/hant-pairs.js';
import { readMarker } from './import-text.js';
import type { SourceBlock } from './source-document.js';

/** How far into the document the title may stand (past a banner, a 红头, a 发文字号). */
const WINDOW = 8;
/** Longer than this a line is a paragraph of the body, not a title (a long title is about 40). */
const TITLE_MAX = 60;
/** Past this the body has begun: the search stops. */
const BODY_FROM = 100;

const DOCUMENT_KINDS = '通知|意见|方案|决定|报告|请示|批复|函|通报|规定|办法|细则|计划|要点|规划|纪要|总结|汇报|讲话|发言|致辞';
const GONGWEN_TITLES: readonly RegExp[] = [
  new RegExp(bothScripts(`^关于.+的(?:${DOCUMENT_KINDS})$`)),
  new RegExp(bothScripts('(?:工作要点|安排意见|实施意见|指导意见|工作计划|工作方案|实施方案|行动方案|工作总结|年度总结|半年总结|工作汇报|情况汇报|情况报告|述职报告|要点|意见|方案|计划|总结)$')),
  new RegExp(bothScripts('^在.+(?:上|中)的(?:发言|讲话|汇报|致辞|报告|交流发言|汇报发言|主持词)(?:稿)?$')),
  new RegExp(bothScripts('(?:发言|讲话|发言稿|讲话稿|交流材料|汇报材料|典型材料|经验材料)$')),
];

/** The opening of a speech, 尊敬的……： 各位……： 同志们：, which also ends any search for a title. */
export const SALUTATION = /^(尊敬的|各位|同志们|亲爱的|女士们|老师们|朋友们)[^。]{0,40}[：:]$/;

/** A line that could be a title: short, no sentence in it, not a salutation or list of phrases. */
export function isTitleShaped(text: string): boolean {
  const line = text.replace(/\s*\n\s*/g, '');
  if (line.length < 4 || line.length > TITLE_MAX) return false;
  if (/[。！？；!?;]/.test(line) || /[：:]$/.test(line)) return false;
  if (readMarker(line) || /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(line)) return false;
  // Phrases strung with commas are a tag or spam line; a title has at most one or two.
  return (line.match(/[，,、]/g) ?? []).length <= 2;
}

export function isGongwenTitle(text: string): boolean {
  const line = text.replace(/\s*\n\s*/g, '').trim();
  return isTitleShaped(line) && GONGWEN_TITLES.some((p) => p.test(line));
}

/** The text of a paragraph, or undefined for a table. */
function textAt(blocks: readonly SourceBlock[], k: number): string | undefined {
  const b = blocks[k];
  return b?.kind === 'paragraph' ? b.text.trim() : undefined;
}

/**
 * A long title the author broke over two lines by hand (关于印发《……》 / 《……》的通知): neither line
 * alone has a 公文 shape, the two together have. Its first line's index; `titleLines` says how many.
 */
function findBrokenTitle(blocks: readonly SourceBlock[], from: number, end: number): number | undefined {
  for (let k = from; k + 1 < end; k++) {
    const first = textAt(blocks, k);
    const second = textAt(blocks, k + 1);
    if (first === undefined || second === undefined) return undefined;
    if (SALUTATION.test(first) || /[：:]$/.test(first) || readMarker(first) || first.length > BODY_FROM) return undefined;
    if (isGongwenTitle(first)) return undefined;
    if (continuesOnNextLine(first, second)) return k;
  }
  return undefined;
}

/**
 * The first line of a title goes on in the second: alone it has no 公文 shape, joined it has; and
 * the second is no title of its own, or the first is plainly unfinished (关于…/在… without its end,
 * a 《 not closed).
 */
function continuesOnNextLine(first: string, second: string): boolean {
  if (!isTitleShaped(first) || isGongwenTitle(first) || !isGongwenTitle(first + second)) return false;
  const unfinished = /^(?:关于|關於|在)/.test(first) || (first.match(/《/g) ?? []).length > (first.match(/》/g) ?? []).length;
  return unfinished || !isGongwenTitle(second);
}

/**
 * How many lines the title at `at` takes: 2 when it was broken over two lines by hand (see
 * findBrokenTitle), else 1.
 */
export function titleLines(blocks: readonly SourceBlock[], at: number): number {
  const first = textAt(blocks, at);
  const second = textAt(blocks, at + 1);
  return first !== undefined && second !== undefined && continuesOnNextLine(first, second) ? 2 : 1;
}

/**
 * The index of the title among `blocks`, searched from `from`, or undefined. `isMarked` is the
 * author's mark (Word's Title style, a Markdown `#`), which wins wherever it stands in the window.
 */
export function findTitle(blocks: readonly SourceBlock[], from: number, isMarked: (b: SourceBlock) => boolean): number | undefined {
  const end = Math.min(blocks.length, from + WINDOW);
  for (let k = from; k < end; k++) if (isMarked(blocks[k]!)) return k;
  const joined = findBrokenTitle(blocks, from, end);
  if (joined !== undefined) return joined;
  let shaped: number | undefined;
  let centred: number | undefined;
  for (let k = from; k < end; k++) {
    const b = blocks[k]!;
    if (b.kind !== 'paragraph') break;
    const text = b.text.trim();
    // A salutation, a 主送, a numbered line or a long paragraph: the body has begun.
    if (SALUTATION.test(text) || /[：:]$/.test(text) || readMarker(text) || text.length > BODY_FROM) break;
    if (isGongwenTitle(text)) return k;
    if (!isTitleShaped(text)) continue;
    shaped ??= k;
    if (b.align === 'center') centred ??= k;
  }
  return centred ?? shaped;
}
