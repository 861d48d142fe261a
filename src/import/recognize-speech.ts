/**
 * A 汇报发言 or 交流发言 → a speech file (`kind: speech`). A speech is read as the genre writes
 * it: title, the speaker and date centred under it, the salutation (one line, or two such as
 * 各位领导： / 大家好！), the opening up to its “汇报如下：”, then parts that begin either with a
 * 一、 heading or with a bold lead sentence, and the closing words at the end.
 *
 * Each part keeps its own words as prose (`text`): 一是……二是…… and 1、 lines stay verbatim,
 * so nothing is renumbered or re-punctuated on the way in.
 */
import { bothScripts } from '../text/hant-pairs.js';
import { readChineseDate, readMarker, readOwnerLine, readOwners } from './import-text.js';
import type { ImportGuess } from './import-guess.js';
import { SALUTATION } from './recognize-title.js';
import type { SourceBlock, SourceDocument, SourceParagraph } from './source-document.js';

const GREETING = /^[^。]{1,12}[！!]$/;
const SPEECH_TITLE = new RegExp(bothScripts('(发言|讲话|汇报|致辞)(稿)?$'));

/**
 * A document reads as a speech: its title names one, or a salutation opens it. `titleAt` is the
 * title's index (undefined: the document has none), `from` where the text starts without one.
 */
export function looksLikeSpeech(doc: SourceDocument, titleAt: number | undefined, from: number, lines = 1): boolean {
  const titleText = titleOf(doc.blocks, titleAt, lines);
  if (SPEECH_TITLE.test(titleText) || SPEECH_AT.test(titleText)) return true;
  const start = titleAt === undefined ? from : titleAt + lines;
  const body = doc.blocks.slice(start).flatMap((b) => (b.kind === 'paragraph' && b.text.trim() ? [b.text.trim()] : []));
  if (body.slice(0, 4).some((t) => SALUTATION.test(t))) return true;
  // A plan's own title (……要点, 关于……的通知, ……总结) or skeleton (1. 举措, unit parentheticals) decides.
  if (PLAN_TITLE.test(titleText)) return false;
  if (body.some((t) => readMarker(t)?.level === 3 || readOwners(t) !== undefined || readOwnerLine(t) !== undefined)) return false;
  // Without a salutation, a 汇报 says so in its opening, thanks at its end, or speaks in the first
  // person through 一是、二是 points.
  const reports = body.slice(0, 4).some((t) => REPORT_OPENING.test(t));
  const closes = body.length > 1 && CLOSING_WORDS.test(body.at(-1)!) && body.at(-1)!.length <= 40;
  const firstPerson = body.join('').match(FIRST_PERSON)?.length ?? 0;
  const points = body.some((t) => POINTS.test(t));
  return reports || closes || (firstPerson >= 3 && points);
}

/** The title's text over its lines (one, or two when broken by hand); '' without a title. */
function titleOf(blocks: readonly SourceBlock[], titleAt: number | undefined, lines: number): string {
  if (titleAt === undefined) return '';
  return blocks
    .slice(titleAt, titleAt + lines)
    .map((b) => (b.kind === 'paragraph' ? b.text.trim() : ''))
    .join('')
    .replace(/\s*\n\s*/g, '');
}

/**
 * A speaker line names a unit or a person (区委统战部, 柳岸村党支部书记 王某): a centred line that
 * ends otherwise is a subtitle, which stays in the opening.
 */
const SPEAKER = new RegExp(bothScripts('(?:部|局|委|会|办|处|科|院|校|所|站|中心|公司|集团|厂|村|社区|街道|镇|乡|县|区|市|省|联|社|团|支部|书记|主任|部长|局长|主席|代表|同志|[\\s　][\\p{Script=Han}]{2,4})$|^[\\p{Script=Han}]{2,4}$'), 'u');

/** 在……会议上的发言/讲话: a speech by its title, whatever it ends with. */
const SPEECH_AT = new RegExp(bothScripts('^在.+(?:会|会议|论坛|座谈会|仪式|大会)上的'));
const PLAN_TITLE = new RegExp(bothScripts('(?:要点|意见|方案|计划|规划|通知|决定|办法|细则|总结)$'));
const REPORT_OPENING = new RegExp(bothScripts('(?:汇报如下|发言如下|报告如下|交流如下|汇报一下|介绍如下)[：:]?$'));
// 謝 and 畢 are spelled out: the 简/繁 table does not pair them.
const CLOSING_WORDS = new RegExp(bothScripts('[谢謝][谢謝](?:大家|各位)|(?:汇报|发言)完[毕畢]|以上发言|以上汇报|请批评指正|不妥之处'));
const FIRST_PERSON = new RegExp(bothScripts('我们|我[区市县镇局部委省乡街]'), 'g');
const POINTS = new RegExp(bothScripts('一是.+二是'));

interface PartDraft {
  title: string;
  text: string[];
  /** The part's text began in the lead's own paragraph. */
  inline: boolean;
  /** Run-in points (each “lead。text”), when the part's lead stands alone above them. */
  points?: string[];
  /** （一）（二） inside a 一、 part. */
  subsections?: PartDraft[];
}

/** The speech block's keys in the format's order. */
const SPEECH_KEYS = ['title', 'meeting', 'speaker', 'date', 'salutation', 'opening', 'closing', 'minutes', 'style', 'separator'];

const NUMBERED_POINT = /^\d{1,2}、/;

/** A paragraph's first sentence when it is short enough to be a lead (up to 40 characters). */
const LEAD_SENTENCE = /^([^。！？]{2,40})。/;

/**
 * A part as the format writes it: prose, or — when a lead stands alone above 1、 2、 paragraphs —
 * numbered points, since prose would run into the lead.
 */
function partOut(p: PartDraft): Record<string, unknown> {
  const subsections = p.subsections?.length ? { sections: p.subsections.map(partOut) } : {};
  if (p.points) return { title: p.title, enumerate: 'runin', points: p.points, ...subsections };
  if (!p.text.length) return { title: p.title, ...subsections };
  if (!p.inline && p.text.every((t) => NUMBERED_POINT.test(t) && t.replace(NUMBERED_POINT, '').replace(/。$/, '').trim())) {
    return { title: p.title, enumerate: 'numbered', points: p.text.map((t) => t.replace(NUMBERED_POINT, '').replace(/。$/, '')), ...subsections };
  }
  return { title: p.title, text: p.text.join('\n'), ...subsections };
}

function isParagraph(b: SourceBlock | undefined): b is SourceParagraph {
  return b?.kind === 'paragraph';
}

export function recognizeSpeech(doc: SourceDocument, titleAt: number | undefined, from: number, lines = 1): { plan: Record<string, unknown>; guesses: ImportGuess[] } {
  const guesses: ImportGuess[] = [];
  const blocks = doc.blocks;
  const speech: Record<string, unknown> = { title: titleOf(blocks, titleAt, lines) };
  if (!speech['title']) guesses.push({ path: ['speech', 'title'], message: '原文开头没有标题：title 留空，请照原件补写' });
  const start = titleAt === undefined ? from : titleAt + lines;
  let i = start;
  const keep = (k: number, message: string) => {
    const b = blocks[k]!;
    const verbatim = isParagraph(b) ? b.text.trim() : b.rows.map((row) => row.map((c) => c.text.trim().replace(/\s*\n\s*/g, ' ')).join(' | ')).join('\n');
    if (verbatim) guesses.push({ path: ['sections'], message: `第 ${k + 1} 段${message}`, verbatim });
  };
  // Lines above the title (a banner the noise filter did not know, a 红头) are kept, not dropped.
  for (let k = 0; k < (titleAt ?? from); k++) keep(k, '在标题之前，没有放进发言');

  // Speaker and date, centred under the title.
  for (; i < blocks.length && i <= start + 1; i++) {
    const b = blocks[i];
    if (!isParagraph(b)) break;
    const text = b.text.trim();
    // Plain text has no centring: a short line without sentence punctuation (a speaker names a
    // unit or a person), or a date in brackets, stands for it.
    // A .docx converted from text, or typed without centring, goes by the same signs.
    const centred = b.align === 'center' || (text.length <= 30 && !/[。，；：:！]/.test(text) && !SALUTATION.test(text));
    if (!centred) break;
    const date = readChineseDate(text.replace(/^[（(]|[）)]$/g, ''));
    if (date) speech['date'] = date;
    else if (!speech['speaker'] && SPEAKER.test(text)) speech['speaker'] = text;
    else break;
  }

  // The salutation: one line, or two with a greeting.
  const first = blocks[i];
  if (isParagraph(first) && SALUTATION.test(first.text.trim())) {
    const next = blocks[i + 1];
    if (isParagraph(next) && GREETING.test(next.text.trim())) {
      speech['salutation'] = [first.text.trim(), next.text.trim()];
      i += 2;
    } else {
      speech['salutation'] = first.text.trim();
      i += 1;
    }
  } else speech['salutation'] = false;

  // Parts start at a 一、 heading or a bold lead; what comes before is the opening.
  const numbered = blocks.slice(i).some((b) => isParagraph(b) && readMarker(b.text.trim())?.level === 1 && !/[。]/.test(b.text));
  const opening: string[] = [];
  const parts: PartDraft[] = [];
  const subsectionLayouts = new Set<'runin' | 'numbered'>();
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!isParagraph(b)) {
      keep(i, '是一张表格，发言里没有表格的位置（各行照录如下）');
      continue;
    }
    const text = b.text.trim();
    if (!text) continue;
    const marker = readMarker(text);
    if (numbered && marker?.level === 1 && !/[。]/.test(text)) {
      parts.push({ title: text.slice(Math.max(marker.length, b.numberLength ?? 0)).trim(), text: [], inline: false });
      continue;
    }
    const host = parts.at(-1);
    if (numbered && host && marker?.level === 2) {
      // （一） inside a 一、 part: a bold run-in lead, or a heading of its own.
      const at = Math.max(marker.length, b.numberLength ?? 0);
      const boldEnd = (b.numberLength ?? 0) + (b.boldFrom ?? 0) + (b.boldLength ?? 0);
      const runin = boldEnd > at;
      const lead = runin ? text.slice(at, boldEnd).trim() : text.slice(at).trim();
      const rest = runin ? text.slice(boldEnd).trim() : '';
      (host.subsections ??= []).push({ title: lead.replace(/。$/, ''), text: rest ? [rest] : [], inline: Boolean(rest) });
      subsectionLayouts.add(runin ? 'runin' : 'numbered');
      continue;
    }
    const bold = b.boldLength ?? 0;
    if (!numbered && bold > 0 && (b.boldFrom ?? 0) === 0 && (b.numberLength ?? 0) === 0) {
      const lead = text.slice(0, bold).trim();
      const rest = text.slice(bold).trim();
      parts.push({ title: lead.replace(/。$/, ''), text: rest ? [rest] : [], inline: Boolean(rest) });
      continue;
    }
    const sub = parts.at(-1)?.subsections?.at(-1);
    if (sub) sub.text.push(text);
    else if (parts.length) parts.at(-1)!.text.push(text);
    else opening.push(text);
  }

  // Plain text has no bold: when no part was found, a paragraph whose first sentence is short
  // (做强基层，构建责任体系。……) starts a part, its first sentence the lead, as the page set it.
  if (!parts.length && opening.length > 2) {
    const closing = opening.pop()!;
    const starts = opening.map((t, k) => (k > 0 ? LEAD_SENTENCE.exec(t) : null));
    const first = starts.findIndex(Boolean);
    if (first > 0) {
      for (const [k, text] of opening.splice(first).entries()) {
        const lead = starts[first + k];
        if (lead) parts.push({ title: lead[1]!, text: [text.slice(lead[0].length).trim()].filter(Boolean), inline: text.length > lead[0].length });
        else parts.at(-1)!.text.push(text);
      }
      guesses.push({ path: ['sections'], message: '原文没有“一、”标题或加粗，各部分按段首的短句分出，请核对' });
    }
    if (parts.length) parts.at(-1)!.text.push(closing);
    else opening.push(closing);
  }

  // The closing words: the last paragraph that stands on its own after the parts.
  // Closing words are short or say so (谢谢大家); a part's only paragraph is never taken from it.
  const last = parts.at(-1)?.subsections?.at(-1) ?? parts.at(-1);
  const candidate = last?.text.at(-1);
  const own = last?.inline ? 1 : 0;
  if (last && candidate !== undefined && last.text.length > own && (CLOSING_WORDS.test(candidate) || (candidate.length <= 100 && last.text.length > own + 1))) speech['closing'] = last.text.pop();
  else guesses.push({ path: ['speech'], message: '没有找到结束语：生成时会用缺省的“汇报完毕，谢谢大家！”，不需要请改写 closing' });
  // A lead standing alone, followed by one-paragraph bold leads: those are its run-in points.
  for (let k = 0; k < parts.length; k++) {
    const host = parts[k]!;
    if (numbered || host.text.length) continue;
    let end = k + 1;
    while (end < parts.length && parts[end]!.inline && parts[end]!.text.length === 1) end += 1;
    if (end === k + 1) continue;
    host.points = parts.splice(k + 1, end - k - 1).map((p) => `${p.title}。${p.text[0]!}`.replace(/。$/, ''));
  }
  if (opening.length) speech['opening'] = opening.join('\n');
  else guesses.push({ path: ['speech'], message: '没有找到开场段落：生成时会用缺省的开场白，请补写 opening' });
  if (numbered) speech['style'] = subsectionLayouts.has('runin') ? ['numbered', 'runin'] : 'numbered';
  if (!parts.length) {
    // The body goes into one part whose title is left for the author: the speech's own title
    // there would be printed twice, and a heading made up here would be believed.
    guesses.push({ path: ['sections'], message: '没有找到“一、”标题或加粗的引领句，全文放在了一个部分里：这一部分的 title 留空，请补写' });
    parts.push({ title: '', text: opening.splice(0), inline: false });
    delete speech['opening'];
  }

  // A part with nothing under it is said, not filled: a 待补充 would read as the speaker's words.
  const report = (p: PartDraft) => {
    p.subsections?.forEach(report);
    if (!p.text.length && !p.points && !p.subsections?.length) guesses.push({ path: ['sections'], message: `“${p.title}”之下原文没有文字，请补写` });
  };
  parts.forEach(report);
  const ordered = Object.fromEntries(SPEECH_KEYS.filter((k) => speech[k] !== undefined).map((k) => [k, speech[k]]));
  const plan: Record<string, unknown> = { kind: 'speech', speech: ordered, sections: parts.map(partOut) };
  return { plan, guesses };
}
