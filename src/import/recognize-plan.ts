/**
 * SourceDocument → a format-v2 plan, as plain data in the format's key order, with the places
 * the import guessed. One pass over the blocks finds the frame (红头, 发文字号, title, 主送, 署名,
 * 成文日期, 版记, 附件), a second reads the body's numbering markers into levels, and the levels
 * decide the outline: which are 部分 (headings or run-in), which are 举措, which are 子项.
 *
 * Text is kept verbatim: only numbering markers, the unit parentheticals the format writes back,
 * and the frame's own words (抄送：, 印发, 附件：) are taken out. Nothing is corrected here; check
 * reports what the document itself got wrong.
 */
import { bothScripts, toHansByTable } from '../text/hant-pairs.js';
import { type MarkerLevel, readChineseDate, readMarker, readOwnerLine, readOwners, readUnits } from './import-text.js';
import type { ImportGuess, PlanPathKey } from './import-guess.js';
import { type MeasureDraft, measureOut, type SectionDraft, sectionOut } from './plan-draft.js';
import { isTaskTable, measuresFromTable, readTaskTable } from './recognize-task-table.js';
import { looksLikeSpeech, recognizeSpeech } from './recognize-speech.js';
import { findTitle, isTitleShaped, SALUTATION, titleLines } from './recognize-title.js';
import type { SourceBlock, SourceDocument, SourceParagraph, SourceTable } from './source-document.js';


export interface RecognizedPlan {
  plan: Record<string, unknown>;
  guesses: ImportGuess[];
}

export type ImportKind = 'auto' | 'opinion' | 'speech';

export interface RecognizeOptions {
  /**
   * Today (YYYY-MM-DD): only the year of a 分工表's default title when the document has no date.
   * Never written as the 成文日期: a date the source does not carry is not invented.
   */
  today: string;
  /** What the document is; `auto` (default) decides from its title and salutation. */
  kind?: ImportKind;
}


interface Node {
  level: MarkerLevel | 0;
  kind: NodeKind;
  heading: boolean;
  lead: string;
  rest: string;
  index: number;
}

const PLAIN = 'plain';
const TABLE = 'table';

/** The first paragraph's text, trimmed; blocks that are not paragraphs are skipped. */
function paragraphText(block: SourceBlock | undefined): string | undefined {
  return block?.kind === 'paragraph' ? block.text.trim() : undefined;
}

const NUMBER_LINE = new RegExp(bothScripts('^([^\\s，。]{1,20}〔\\d{4}〕\\d+[号])(?:[\\s\\u3000]+签发人[：:](.+))?$'));
const NOTICE_TITLE = new RegExp(bothScripts('^关于印发《(.+)》的通知$'));
const CC_LINE = /^抄送[：:](.+?)。?$/;
const PRINTED_LINE = new RegExp(bothScripts('^(.+?)[\\s\\u3000]+(\\d{4}年\\d{1,2}月\\d{1,2}日)印发$'));
const ATTACHMENT_LINE = /^附件[：:]\s*(.+)$/;
const ATTACHMENT_HEAD = /^附件\s*\d*$/;

/** The run-in lead of a numbered paragraph: its bold part, else its first sentence when more follows. */
type NodeKind = 'heading' | 'runin' | 'sentence';

/**
 * `boldLeads`: the document sets its leads in bold (a .docx or .md that has any), so a numbered
 * paragraph without one is a sentence, not a run-in; plain text has only its punctuation to go by.
 */
function splitLead(p: SourceParagraph, markerLength: number, boldLeads: boolean): { lead: string; rest: string; kind: NodeKind } {
  const body = p.text.slice(markerLength).trim();
  const boldStart = (p.numberLength ?? 0) + (p.boldFrom ?? 0);
  const boldEnd = p.boldLength ? boldStart + p.boldLength : 0;
  if (boldEnd > markerLength) {
    const leadLength = boldEnd - markerLength;
    const lead = p.text.slice(markerLength, boldEnd).trim();
    const rest = p.text.slice(markerLength + leadLength).trim();
    if (lead && (rest || /[。：:]$/.test(lead))) return { lead, rest, kind: 'runin' };
  }
  const stop = body.search(/[。：](?!”|’|）)/);
  const after = body.slice(stop + 1);
  if (!boldLeads && stop >= 0 && stop < body.length - 1 && stop <= 60 && readOwners(after)?.start !== 0) return { lead: body.slice(0, stop + 1), rest: body.slice(stop + 1), kind: 'runin' };
  if (/[。；]$/.test(body) || body.length > 60) return { lead: body, rest: '', kind: 'sentence' };
  return { lead: body, rest: '', kind: p.headingLevel !== undefined || body.length <= 60 ? 'heading' : 'sentence' };
}

/** The form a measure's title takes in the plan: the lead without the full stop the build adds back. */
function titleOf(lead: string): string {
  return lead.replace(/。$/, '');
}


/** Blank paragraphs (spacing typed with Enter) carry nothing but a page break, which moves on. */
function dropBlank(blocks: readonly SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  let pageBreak = false;
  for (const b of blocks) {
    if (b.kind === 'paragraph' && !b.text.trim()) {
      pageBreak ||= b.pageBreakBefore === true;
      continue;
    }
    out.push(pageBreak && b.kind === 'paragraph' ? { ...b, pageBreakBefore: true } : b);
    pageBreak = false;
  }
  return out;
}

export function recognizePlan(source: SourceDocument, options: RecognizeOptions): RecognizedPlan {
  const guesses: ImportGuess[] = [];
  const doc = { ...source, blocks: dropBlank(source.blocks) };
  const blocks = doc.blocks;
  let i = 0;
  const plan: Record<string, unknown> = {};
  const guess = (path: PlanPathKey[], message: string) => guesses.push({ path, message });
  /** Source text with no place in the plan: kept verbatim in a comment, and listed on stderr. */
  const keep = (path: PlanPathKey[], message: string, verbatim: string) => guesses.push({ path, message, verbatim });

  // The frame at the head: 红头 (red, or a centred line ending in 文件), 发文字号.
  const letterheads: string[] = [];
  let number: string | undefined;
  let signers: string[] | undefined;
  // Plain text has no colour: the organs' names on the lines before the one ending in 文件 (a
  // joint letterhead) belong to the letterhead too.
  const fileLine = blocks.slice(0, 3).findIndex((b) => b.kind === 'paragraph' && !b.red && /文件$/.test(b.text.trim()));
  if (fileLine > 0 && blocks.slice(0, fileLine).every((b) => b.kind === 'paragraph' && !b.red && b.text.trim().length <= 30 && !/[。，：]/.test(b.text))) {
    for (; i < fileLine; i++) letterheads.push((blocks[i] as SourceParagraph).text.trim());
  }
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table') {
      // A joint letterhead as Word lays it out: the organs' names stacked, 文件 in a cell beside them.
      const cells = b.rows.length === 1 ? b.rows[0]!.map((c) => c.text.trim()) : [];
      if (i === 0 && cells.length === 2 && cells[1] === '文件') {
        letterheads.push(...cells[0]!.split('\n').map((t) => t.trim()).filter(Boolean), '文件');
        continue;
      }
      break;
    }
    const text = b.text.trim();
    const numbered = NUMBER_LINE.exec(text);
    if (!number && (b.red || (/文件$/.test(text) && (b.align === 'center' || i === 0 || letterheads.length > 0))) && !b.title) letterheads.push(...text.split('\n').map((t) => t.trim()).filter(Boolean));
    else if (!number && numbered) {
      number = numbered[1]!;
      if (numbered[2]) signers = readUnits(numbered[2]);
    } else break;
  }
  // A joint letterhead: the organs' names, and 文件 set beside the last of them.
  const jointFile = letterheads.length > 1 ? /^(.+?)[\s\u3000]+文件$/.exec(letterheads.at(-1)!) : null;
  if (jointFile) letterheads.splice(-1, 1, jointFile[1]!, '文件');
  const letterhead: string | string[] | undefined = letterheads.length > 1 ? letterheads : letterheads[0];

  // The title by its shape (recognize-title.ts); none found, the title is left for the author.
  const isMarked = (b: SourceBlock | undefined) => b?.kind === 'paragraph' && (b.title === true || (b.headingLevel === 0 && doc.format === 'md'));
  const found = findTitle(blocks, i, isMarked);
  const titled = found !== undefined;
  const titleAt = found ?? i;
  // A title broken over two lines by hand (or two lines both marked as the title) is one title.
  const lines = !titled ? 0 : isMarked(blocks[titleAt]) && isMarked(blocks[titleAt + 1]) ? 2 : titleLines(blocks, titleAt);
  if (options.kind === 'speech' || (options.kind !== 'opinion' && looksLikeSpeech(doc, found, i, lines))) return recognizeSpeech(doc, found, i, lines);

  // A long title is broken over lines by the typesetter, not by the author.
  const title = blocks
    .slice(titleAt, titleAt + lines)
    .map((b) => paragraphText(b) ?? '')
    .join('')
    .replace(/\s*\n\s*/g, '');
  if (titled) {
    for (let k = i; k < titleAt; k++) {
      // A 发文字号 under an organ's name that is not set as a 红头 (plain text has no red).
      const numberLine = NUMBER_LINE.exec(paragraphText(blocks[k]) ?? '');
      if (!number && numberLine) {
        number = numberLine[1]!;
        if (numberLine[2]) signers = readUnits(numberLine[2]);
      } else keepBlock(blocks[k]!, k, '标题之前的这段文字没有放进计划', keep);
    }
    i = titleAt + lines;
    // A web page prints the 发文字号 under the title, not above it.
    const numbered = NUMBER_LINE.exec(paragraphText(blocks[i]) ?? '');
    if (!number && numbered) {
      number = numbered[1]!;
      if (numbered[2]) signers = readUnits(numbered[2]);
      i += 1;
    }
  }
  // A 成文日期 printed under the title, bare or in brackets (（2027年1月9日）), as pages and
  // documents adopted at a meeting set it: used when none stands at the end.
  const dateUnderTitle = titled ? readChineseDate((paragraphText(blocks[i]) ?? '').replace(/^[（(]|[）)]$/g, '')) : undefined;
  if (dateUnderTitle) i += 1;

  // 版记 and the tail: 抄送, 印发机关 and 印发日期, from the end.
  let end = blocks.length;
  let cc: string[] | undefined;
  let printedBy: string | undefined;
  let printedOn: string | undefined;
  for (let k = blocks.length - 1; k >= i && k >= blocks.length - 4; k--) {
    const text = paragraphText(blocks[k]);
    if (text === undefined) break;
    const printed = PRINTED_LINE.exec(text);
    const copied = CC_LINE.exec(text);
    if (printed && printedOn === undefined) {
      printedBy = printed[1]!.trim();
      printedOn = readChineseDate(printed[2]!);
      end = k;
    } else if (copied && cc === undefined) {
      cc = readUnits(copied[1]!);
      end = k;
    } else break;
  }

  // Attachments after the body: a page headed 附件 (a task table, or text the import cannot carry).
  let attachmentStart = end;
  for (let k = i; k < end; k++) {
    const text = paragraphText(blocks[k]);
    if (text !== undefined && ATTACHMENT_HEAD.test(text) && (blocks[k] as SourceParagraph).pageBreakBefore !== false && k > i) {
      attachmentStart = k;
      break;
    }
  }
  const attachmentBlocks = blocks.slice(attachmentStart, end);
  const taskTable = attachmentBlocks.find((b): b is SourceTable => b.kind === 'table');

  // 署名 and 成文日期: the date line, and the short line above it.
  let bodyEnd = attachmentStart;
  let signature: string | undefined;
  let date: string | undefined;
  let note: string | undefined;
  // What follows the 成文日期 (and its 附注) up to the end of the body: nothing of it is dropped.
  const keepAfterDate = (from: number, to: number) => {
    for (let k = from; k < to; k++) keepBlock(blocks[k]!, k, '成文日期之后的这段文字没有放进计划', keep);
  };
  const findSignature = (from: number, to: number): number => {
    for (let k = to - 1; k >= from; k--) {
      const text = paragraphText(blocks[k]);
      if (text === undefined) continue;
      const d = readChineseDate(text);
      const noted = /^（(.+)）$/.exec(text);
      if (noted && k === to - 1 && readChineseDate(paragraphText(blocks[k - 1]) ?? '')) {
        note = noted[1];
        to = k;
        continue;
      }
      if (d) {
        date = d;
        keepAfterDate(k + 1, to);
        const above = paragraphText(blocks[k - 1]);
        if (above !== undefined && above.length <= 40 && !/[。：；，]$/.test(above) && !readMarker(above) && k - 1 >= from) {
          signature = above;
          return k - 1;
        }
        return k;
      }
      if (k < to - 3) break;
    }
    return to;
  };

  // The 印发通知: its text up to its 署名, then the plan under its own title.
  const noticeOf = NOTICE_TITLE.exec(title);
  let planTitle = title;
  let bodyStart = i;
  let recipients: string[] | undefined;
  const readRecipients = () => {
    const units = readRecipientLine(paragraphText(blocks[bodyStart]) ?? '');
    if (units) {
      recipients = units;
      bodyStart += 1;
    }
  };
  readRecipients();
  let notice: Record<string, unknown> | undefined;
  if (noticeOf) {
    const innerTitle = noticeOf[1]!;
    const at = blocks.findIndex((b, k) => k >= bodyStart && k < bodyEnd && paragraphText(b) === innerTitle);
    if (at > 0) {
      const signatureAt = findSignature(bodyStart, at);
      const texts = blocks.slice(bodyStart, signatureAt).map(paragraphText).filter((t): t is string => t !== undefined && t !== '');
      for (let k = bodyStart; k < signatureAt; k++) if (blocks[k]!.kind === 'table') keepBlock(blocks[k]!, k, '印发通知中的表格没有放进计划', keep);
      planTitle = innerTitle;
      notice = {};
      if (texts.length) notice['text'] = texts.join('\n');
      bodyStart = at + 1;
      // A web page may print the 署名 and 成文日期 once, after the plan rather than under the notice.
      if (date === undefined) bodyEnd = findSignature(bodyStart, bodyEnd);
    } else bodyEnd = findSignature(bodyStart, bodyEnd);
  } else {
    bodyEnd = findSignature(bodyStart, bodyEnd);
  }

  // No title is left empty, for the author to write: a guessed one would be believed.
  if (!planTitle) guess(['title'], '原文开头没有标题：title 留空，请照原件补写');

  // The 附件说明 line inside the body.
  const attachmentTitles: string[] = [];
  let bodyStop = bodyEnd;
  for (let k = bodyStart; k < bodyEnd; k++) {
    const m = ATTACHMENT_LINE.exec(paragraphText(blocks[k]) ?? '');
    if (m) {
      bodyStop = k;
      for (let j = k; j < bodyEnd; j++) {
        const line = paragraphText(blocks[j]) ?? '';
        const item = (j === k ? m[1]! : line).replace(/^\d+[.．、]\s*/, '').trim();
        if (item) attachmentTitles.push(item);
      }
      break;
    }
  }

  /** Tables of the body not read as 举措: a task table onto the text's 举措, the rest kept verbatim. */
  const bodyTables: SourceTable[] = [];
  let usedTable: SourceTable | undefined;
  const boldLeads = blocks.some((b) => b.kind === 'paragraph' && (b.boldLength ?? 0) > 0);
  // The body: guidance, then numbered levels.
  const nodes: (Node | { level: typeof PLAIN; text: string; index: number; heading: boolean } | { level: typeof TABLE; table: SourceTable; index: number; heading: false })[] = [];
  for (let k = bodyStart; k < bodyStop; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') {
      nodes.push({ level: TABLE, table: b, index: k, heading: false });
      continue;
    }
    const text = b.text.trim();
    if (!text) continue;
    const marker = readMarker(text);
    const markerLength = marker ? Math.max(marker.length, b.numberLength ?? 0) : 0;
    if (!marker) {
      const heading = doc.format !== 'txt' && b.headingLevel !== undefined && b.headingLevel >= (doc.format === 'md' ? 1 : 0);
      nodes.push({ level: PLAIN, text, index: k, heading });
      continue;
    }
    const { lead, rest, kind } = splitLead(b, markerLength, boldLeads);
    // A marker with nothing after it (“3、” alone) is text, not a level.
    if (!titleOf(lead).trim()) {
      nodes.push({ level: PLAIN, text, index: k, heading: false });
      continue;
    }
    nodes.push({ level: marker.level, kind, heading: kind === 'heading', lead, rest, index: k });
  }

  const numbered = nodes.filter((n): n is Node => n.level !== PLAIN && n.level !== TABLE);
  if (numbered.length === 0) markSubheadings(nodes, bodyStart);
  const unnumberedHeadings = nodes.some((n) => n.level === PLAIN && n.heading);
  // 举措 are the deepest run-in level (a lead and its text); without any, the deepest single
  // sentences, then the deepest level. The level right below them is 子项; those above, 部分.
  const allLevels = new Set(numbered.map((n) => n.level));
  const deepest = (kind?: NodeKind) => {
    const levels = [...new Set(numbered.filter((n) => !kind || n.kind === kind).map((n) => n.level))].sort();
    // （1） under run-in 1. is a 子项 even when it reads as a lead of its own.
    if (levels.length > 1 && levels.at(-1) === 4) levels.pop();
    return levels.at(-1);
  };
  let measureLevel = deepest('runin') ?? deepest('sentence') ?? deepest();
  // Under 部分 the format numbers 举措 1. 2.: run-in （一） under 一、 are 部分 of their own (a
  // 总结's （一） paragraphs), with their text as the 部分's lead-in.
  if (measureLevel !== undefined && measureLevel < 3 && [...allLevels].some((l) => l < measureLevel!) && !allLevels.has(3)) measureLevel = undefined;
  // 一、 is a 部分 in every 公文: a document numbered only 一、 has 部分 with their text, not 举措.
  // Unless they carry their units (（牵头单位：…）): then they are 举措 numbered 一、 by the source.
  if (measureLevel === 1 && !numbered.some((n) => n.level === 1 && readOwners(`${n.lead}${n.rest}`) !== undefined)) measureLevel = undefined;
  // （1） lines with no 1. above them are enumerated paragraphs of their 部分: kept as text, numbers
  // and all, rather than 举措 printed whole in bold or 部分 renumbered （一）.
  const verbatimLevel: MarkerLevel | undefined = allLevels.has(4) && !allLevels.has(3) && [...allLevels].some((l) => l < 4) && (measureLevel === undefined || measureLevel === 4) ? 4 : undefined;
  if (verbatimLevel !== undefined) measureLevel = undefined;
  const itemLevel = measureLevel !== undefined && measureLevel < 4 && allLevels.has((measureLevel + 1) as MarkerLevel) ? ((measureLevel + 1) as MarkerLevel) : undefined;
  const sectionLevels = [...allLevels].filter((l) => l !== verbatimLevel && (measureLevel === undefined || l < measureLevel)).sort() as MarkerLevel[];
  const runinDepths = new Set<number>();

  const top: SectionDraft = { title: '', intro: [], sections: [], measures: [] };
  const guidance: string[] = [];
  const stack: SectionDraft[] = [top];
  let measure: MeasureDraft | undefined;
  let sectionsUnnumbered = false;
  const openSection = (depth: number, title: string) => {
    stack.length = Math.min(stack.length, depth + 1);
    const section: SectionDraft = { title, intro: [], sections: [], measures: [] };
    stack.at(-1)!.sections.push(section);
    stack.push(section);
    measure = undefined;
    return section;
  };
  // 举措 the text has of its own: numbered paragraphs before the first 部分 go to the guidance.
  const firstSection = numbered.find((n) => sectionLevels.includes(n.level as MarkerLevel))?.index ?? -1;
  const textMeasures = measureLevel !== undefined && numbered.some((n) => n.level === measureLevel && (sectionLevels.length === 0 || n.index > firstSection));
  for (const n of nodes) {
    if (n.level === TABLE) {
      // A 分工表 in the body of a text with no 举措 of its own: its rows are the 举措 of the 部分 it
      // stands in, units and 时限 from the columns that say so.
      if (!textMeasures && !usedTable && isTaskTable(n.table) && measuresFromTable(n.table, stack.at(-1)!)) {
        usedTable = n.table;
        measure = undefined;
      } else bodyTables.push(n.table);
      continue;
    }
    if (n.level === PLAIN) {
      const owner = readOwnerLine(n.text);
      if (owner && measure) {
        if (owner.key === 'due') measure.due = owner.value as string;
        else measure[owner.key] = owner.value as string[];
        measure.style = 'lines';
        continue;
      }
      if (n.heading && sectionLevels.length === 0) {
        sectionsUnnumbered = true;
        openSection(0, n.text);
        continue;
      }
      if (measure) measure.text.push(n.text);
      else if (stack.length > 1) stack.at(-1)!.intro.push(n.text);
      else guidance.push(n.text);
      continue;
    }
    const depth = sectionLevels.indexOf(n.level as MarkerLevel);
    if (depth >= 0) {
      const section = openSection(depth + (sectionsUnnumbered ? 1 : 0), titleOf(n.heading ? n.lead : n.lead));
      if (!n.heading) {
        runinDepths.add(depth);
        if (n.rest) section.intro.push(n.rest);
      }
    } else if (n.level === measureLevel && stack.length === 1 && sectionLevels.length > 0) {
      // Numbered paragraphs before the first 部分 (a 总体要求's 1. 2. 3., often Word's automatic
      // numbering): the format has no 举措 there, so they stay, numbers and all, in the guidance.
      guidance.push((blocks[n.index] as SourceParagraph).text.trim());
      measure = undefined;
    } else if (n.level === measureLevel) {
      const typed = /^[（(]?(\d{1,2})/.exec((blocks[n.index] as SourceParagraph).text.trim());
      measure = { title: titleOf(n.lead), text: n.rest ? [n.rest] : [], items: [], inline: Boolean(n.rest), ...(typed ? { number: Number(typed[1]) } : {}) };
      stack.at(-1)!.measures.push(measure);
    } else if (n.level === itemLevel && measure) {
      const index = blocks[n.index] as SourceParagraph;
      const marker = readMarker(index.text.trim())!;
      measure.items.push(index.text.trim().slice(Math.max(marker.length, index.numberLength ?? 0)));
    } else {
      const text = (blocks[n.index] as SourceParagraph).text.trim();
      if (measure) measure.text.push(text);
      else if (stack.length > 1) stack.at(-1)!.intro.push(text);
      else guidance.push(text);
      if (n.level !== verbatimLevel) guess(['sections'], `第 ${n.index + 1} 段的编号“${text.slice(0, 6)}…”与上下文的层级不符，已按正文保留`);
    }
  }

  keepNumbers(top, guess);

  // Unit parentheticals at the end of each measure: taken out, into lead/responsible/due.
  const styles = new Map<string, number>();
  const allMeasures: MeasureDraft[] = [];
  const walk = (s: SectionDraft) => {
    // Not push(...s.measures): a section of 300,000 measures would pass as many arguments.
    for (const measure of s.measures) allMeasures.push(measure);
    s.sections.forEach(walk);
  };
  walk(top);
  // The last measure's extra paragraphs are the document's closing words, as the build writes them.
  const last = allMeasures.at(-1);
  let conclusion: string[] = [];
  const own = last?.inline ? 1 : 0;
  if (last && last.text.length > own && !readOwners(last.text.at(-1)!)) {
    conclusion = last.text.splice(own);
    guess(['conclusion'], '最后一项举措之后的段落按结尾段落读取；如属于该举措，请移回其 text');
  }

  for (const m of allMeasures) {
    const lastIndex = m.items.length ? -1 : m.text.length - 1;
    const host = lastIndex >= 0 ? m.text[lastIndex]! : m.items.length ? m.items[m.items.length - 1]! : m.title;
    const owners = readOwners(host);
    // A measure that is nothing but its parenthetical keeps it as its title.
    // (So does a last 子项.)
    if (owners && !(lastIndex < 0 && !host.slice(0, owners.start).trim())) {
      const left = host.slice(0, owners.start).trimEnd();
      if (lastIndex >= 0) {
        if (left) m.text[lastIndex] = left;
        else m.text.pop();
      } else if (m.items.length) m.items[m.items.length - 1] = left;
      else m.title = titleOf(left);
      if (owners.lead) m.lead = owners.lead;
      if (owners.responsible) m.responsible = owners.responsible;
      if (owners.due) m.due = owners.due;
      m.style = owners.style;
    }
    if (m.style) styles.set(m.style, (styles.get(m.style) ?? 0) + 1);
  }

  // A 分工表 in the body of a text with its own 举措 fills them, as one in the attachment would;
  // any other table of the body is kept verbatim.
  const bodyTaskTable = usedTable || taskTable ? undefined : bodyTables.find(isTaskTable);
  for (const t of bodyTables) {
    if (t !== bodyTaskTable) keep(['sections'], '正文中的这张表格不是分工表，没有放进计划（各行照录如下）', tableText(t));
  }
  const onlyTable = usedTable;

  // The task table: its 目标, 时限, units and the plan's own columns fill the measures of the same title.
  const year = Number((date ?? options.today).slice(0, 4));
  const tableAt = taskTable ? attachmentBlocks.indexOf(taskTable) : -1;
  const tableHeading = tableAt > 0 ? paragraphText(attachmentBlocks[tableAt - 1]) : undefined;
  const tableTitle = onlyTable ? title : tableHeading !== undefined && !ATTACHMENT_HEAD.test(tableHeading) ? tableHeading : undefined;
  const table = onlyTable ?? taskTable ?? bodyTaskTable;
  const tableKey = table ? readTaskTable(table, allMeasures, tableTitle, `${year}年重点任务分工表`, guess, keep) : undefined;
  // The attachment pages: their 附件 line, the task table and its heading are read; the rest is kept.
  for (const [k, b] of attachmentBlocks.entries()) {
    if (b === taskTable || (k === 0 && ATTACHMENT_HEAD.test(paragraphText(b) ?? '')) || (tableTitle !== undefined && k === tableAt - 1)) continue;
    keepBlock(b, attachmentStart + k, '附件中的这段内容没有放进计划', keep);
  }

  // Assemble in the format's key order.
  plan['title'] = planTitle;
  const issuer = signature ?? (typeof letterhead === 'string' ? letterhead.replace(/文件$/, '') : letterhead?.[0]);
  if (issuer) plan['issuer'] = issuer;
  else guess(['issuer'], '原文没有署名，发文机关请补写 issuer');
  if (letterhead) plan['letterhead'] = letterhead;
  if (signers?.length) plan['signers'] = signers;
  if (number) plan['number'] = number;
  date ??= dateUnderTitle;
  const published = date ? undefined : publishedDate(doc.removed);
  if (date) plan['date'] = date;
  else if (published) {
    plan['date'] = published.date;
    guess(['date'], `原文没有成文日期，暂按网页的发布时间“${published.line}”填写，请核对`);
  } else guess(['date'], '原文没有成文日期：date 没有写，请照原件补写（YYYY-MM-DD）');
  if (recipients?.length) plan['recipients'] = recipients;
  if (notice) plan['notice'] = Object.keys(notice).length ? notice : true;
  if (guidance.length) plan['guidance'] = guidance.join('\n');
  const outline: Record<string, unknown> = {};
  const startLevel = sectionLevels[0] ?? measureLevel;
  if (top.sections.length) {
    plan['sections'] = top.sections.map(sectionOut);
    if (top.measures.length) guess(['sections'], `${top.measures.length} 项举措出现在第一个部分之前，未能归入部分`);
  } else if (top.measures.length) {
    plan['measures'] = top.measures.map(measureOut);
  } else {
    // No 部分 is made up (a section titled as the document would print the title twice).
    guess(['sections'], '原文没有可识别的层级编号，正文都放在了 guidance 里：请分出 sections');
  }
  if (startLevel !== undefined && startLevel > 1) outline['start'] = Math.min(startLevel, 3);
  if (startLevel === 4) guess(['outline'], '原文最上一级编号是“（1）”，格式最多从“1.”开始，已按“1.”编号');
  if (runinDepths.size) {
    const layouts = sectionLevels.map((_, depth) => (runinDepths.has(depth) ? 'runin' : 'heading'));
    outline['sections'] = layouts.every((l) => l === 'runin') ? 'runin' : layouts;
  } else if (sectionsUnnumbered) outline['sections'] = 'unnumbered';
  if (Object.keys(outline).length) plan['outline'] = outline;
  if (conclusion.length) plan['conclusion'] = conclusion.join('\n');
  const attachments: unknown[] = [];
  for (const t of attachmentTitles) {
    if (taskTable && (t === tableTitle || /分工|任务/.test(t))) attachments.push('tasks');
    else {
      attachments.push({ title: t });
      guess(['attachments'], `附件“${t}”的内容没有导入，请另存为 Markdown 文件并写进 file`);
    }
  }
  if (attachments.length) plan['attachments'] = attachments;
  if (tableKey) plan['table'] = tableKey;
  if (styles.size) {
    const style = [...styles].sort((a, b) => b[1] - a[1])[0]![0];
    plan['owners'] = style === 'colon' ? { show: true } : { show: true, style };
    if (styles.size > 1) {
      const names: Record<string, string> = { colon: '“牵头单位：…”括注', 'lead-first': '“…牵头”括注', lines: '单位另起成行' };
      guess(['owners'], `原文的单位写法不止一种（${[...styles.keys()].map((k) => names[k]).join('、')}），生成时统一为${names[style]}`);
    }
  }
  if (signature && issuer !== signature) plan['signature'] = signature;
  if (note) plan['note'] = note;
  if (cc?.length) plan['cc'] = cc;
  if (printedBy) plan['printedBy'] = printedBy;
  if (printedOn) plan['printedOn'] = printedOn;
  return { plan, guesses };
}

/**
 * A 主送 line: a short list of organisations ending in a colon (各镇党委，各街道党工委，区级有关部门：).
 * A salutation (同志们：, 尊敬的……：) opens a speech, and a sentence that ends in a colon
 * (现将有关情况汇报如下：) is body text: neither is split into 主送.
 */
function readRecipientLine(text: string): string[] | undefined {
  if (!/[：:]$/.test(text) || text.length > 120 || readMarker(text) || SALUTATION.test(text) || /[。；！？!?;]/.test(text)) return undefined;
  let units = text
    .slice(0, -1)
    .split(/[，,]/)
    .map((u) => u.trim())
    .filter(Boolean);
  if (units.length === 1 && units[0]!.includes('、')) units = readUnits(units[0]!);
  const organisation = (u: string) => u.length >= 2 && u.length <= 30 && !/如下|以下|现将|根据|按照|为了|我们|我[区市县镇局]|要求|通知/.test(u);
  return units.length && units.every(organisation) ? units : undefined;
}

/**
 * 小标题 without numbers, as a 总结 or a 工作信息 sets them: in a body with no numbering at all, short
 * lines that could be titles, each followed by a longer paragraph, at least two of them, are its
 * 部分 (unnumbered). A line right under the title is its subtitle and stays in the guidance.
 */
function markSubheadings(nodes: { level: string | number; index: number; heading: boolean; text?: string }[], bodyStart: number): void {
  if (nodes.some((n) => n.level === PLAIN && n.heading)) return;
  const candidates = nodes.filter((n, k) => {
    const next = nodes[k + 1];
    return n.level === PLAIN && n.index > bodyStart && n.text !== undefined && n.text.length <= 40 && isTitleShaped(n.text) && !/[，,、：:]$/.test(n.text) && next?.level === PLAIN && (next.text?.length ?? 0) > n.text.length;
  });
  if (candidates.length >= 2) for (const n of candidates) n.heading = true;
}

/**
 * Typed numbers kept as the source has them. A web copy loses Word's automatic “1.”: a 部分 whose
 * 举措 start at 2. after a paragraph of its own has that paragraph as its first 举措 (its first
 * sentence the lead), so 2. and 3. stay 2. and 3.; any other gap is said, since the build numbers
 * in order.
 */
function keepNumbers(section: SectionDraft, guess: (path: PlanPathKey[], message: string) => void): void {
  section.sections.forEach((s) => keepNumbers(s, guess));
  const first = section.measures[0];
  if (first?.number === 2 && section.intro.length > 0) {
    const paragraph = section.intro.pop()!;
    const stop = paragraph.search(/[。](?!”|’|）)/);
    const lead = stop > 0 && stop <= 60 && stop < paragraph.length - 1 ? paragraph.slice(0, stop) : paragraph.replace(/。$/, '');
    const rest = lead === paragraph.replace(/。$/, '') ? '' : paragraph.slice(stop + 1).trim();
    section.measures.unshift({ title: lead, text: rest ? [rest] : [], items: [], inline: Boolean(rest), number: 1 });
    guess(['sections'], `“${lead.slice(0, 16)}”一段原文没有编号，排在“2.”之前，按第 1 项读取`);
  }
  const numbers = section.measures.map((m) => m.number);
  if (numbers.every((n) => n !== undefined) && numbers.some((n, k) => n !== k + 1)) {
    guess(['sections'], `${section.title ? `“${section.title}”中` : ''}原文的举措编号是 ${numbers.join('、')}，生成时按 1、2、3 顺序编号，请核对是否漏了一项`);
  }
}

/** A block kept verbatim: a paragraph's text, a table's rows with their cells between bars. */
function keepBlock(b: SourceBlock, k: number, message: string, keep: (path: PlanPathKey[], message: string, verbatim: string) => void): void {
  if (b.kind === 'table') keep(['sections'], `第 ${k + 1} 段是一张表格：${message}（各行照录如下）`, tableText(b));
  else if (b.text.trim()) keep(['sections'], `第 ${k + 1} 段：${message}`, b.text.trim());
}

function tableText(t: SourceTable): string {
  return t.rows.map((row) => row.map((c) => c.text.trim().replace(/\s*\n\s*/g, ' ')).join(' | ')).join('\n');
}

/**
 * The date a web page printed for itself (`发布时间：2026-01-20`, `2017年07月14日 15:38 | 来源：…`),
 * from the lines taken out as noise: only a fallback for a 成文日期 the document lacks, said so.
 */
function publishedDate(removed: readonly string[]): { date: string; line: string } | undefined {
  for (const line of removed) {
    const simple = toHansByTable(line);
    const m = /(?:^|发布时间|发布日期|时间|日期)\s*[:：]?\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(simple);
    if (!m) continue;
    const date = readChineseDate(`${m[1]}年${Number(m[2])}月${Number(m[3])}日`);
    if (date) return { date, line: line.trim() };
  }
  return undefined;
}
