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
import {
  type MarkerLevel,
  type OwnersStyle,
  readChineseDate,
  readDue,
  readMarker,
  readOwnerLine,
  readOwners,
  readTarget,
  readUnits,
} from './import-text.js';
import type { ImportGuess, PlanPathKey } from './import-guess.js';
import { TASK_COLUMN_LABELS, type TaskColumnKey } from '../plan/task-table-keys.js';
import { looksLikeSpeech, recognizeSpeech } from './recognize-speech.js';
import type { SourceBlock, SourceDocument, SourceParagraph, SourceTable } from './source-document.js';


export interface RecognizedPlan {
  plan: Record<string, unknown>;
  guesses: ImportGuess[];
}

export type ImportKind = 'auto' | 'opinion' | 'speech';

export interface RecognizeOptions {
  /** The 成文日期 to use when the document has none (YYYY-MM-DD). */
  today: string;
  /** What the document is; `auto` (default) decides from its title and salutation. */
  kind?: ImportKind;
}

interface MeasureDraft {
  title: string;
  text: string[];
  items: string[];
  lead?: string[];
  responsible?: string[];
  due?: string;
  targets?: ReturnType<typeof readTarget>[];
  style?: OwnersStyle | 'lines';
  /** The text began in the lead's own paragraph (a run-in), rather than under it. */
  inline?: boolean;
  /** The plan's own 分工表 columns, by header. */
  columns?: Record<string, string | number>;
}

interface SectionDraft {
  title: string;
  intro: string[];
  sections: SectionDraft[];
  measures: MeasureDraft[];
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

  // The title: what the author marked as one, else the first line.
  let titleAt = i;
  for (let k = i; k < Math.min(blocks.length, i + 4); k++) {
    const b = blocks[k]!;
    if (b.kind === 'paragraph' && (b.title || b.headingLevel === 0 && doc.format === 'md')) {
      titleAt = k;
      break;
    }
  }
  const titled = blocks[titleAt]?.kind === 'paragraph';
  if (titled && (options.kind === 'speech' || (options.kind !== 'opinion' && looksLikeSpeech(doc, titleAt)))) return recognizeSpeech(doc, titleAt);

  // A long title is broken over lines by the typesetter, not by the author.
  const title = (paragraphText(blocks[titleAt]) ?? '').replace(/\s*\n\s*/g, '');
  if (titled) i = titleAt + 1;

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
  const findSignature = (from: number, to: number): number => {
    for (let k = to - 1; k >= from; k--) {
      const text = paragraphText(blocks[k]);
      if (text === undefined) continue;
      const d = readChineseDate(text);
      const noted = /^（(.+)）$/.exec(text);
      if (noted && k === to - 1 && readChineseDate(paragraphText(blocks[k - 1]) ?? '')) {
        note = noted[1];
        continue;
      }
      if (d) {
        date = d;
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
    const text = paragraphText(blocks[bodyStart]);
    if (text !== undefined && /[：:]$/.test(text) && text.length <= 200 && !readMarker(text)) {
      recipients = text
        .slice(0, -1)
        .split(/[，,]/)
        .map((u) => u.trim())
        .filter(Boolean);
      if (recipients.length === 1 && recipients[0]!.includes('、')) recipients = readUnits(recipients[0]!);
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
      planTitle = innerTitle;
      notice = {};
      if (texts.length) notice['text'] = texts.join('\n');
      bodyStart = at + 1;
    }
  } else {
    bodyEnd = findSignature(bodyStart, bodyEnd);
  }

  if (!planTitle) {
    planTitle = '标题待定';
    guess(['title'], '原文开头没有标题，暂写“标题待定”');
  }

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

  let bodyTable: SourceTable | undefined;
  const boldLeads = blocks.some((b) => b.kind === 'paragraph' && (b.boldLength ?? 0) > 0);
  // The body: guidance, then numbered levels.
  const nodes: (Node | { level: typeof PLAIN; text: string; index: number; heading: boolean })[] = [];
  for (let k = bodyStart; k < bodyStop; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') {
      bodyTable ??= b;
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

  const numbered = nodes.filter((n): n is Node => n.level !== PLAIN);
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
  const itemLevel = measureLevel !== undefined && measureLevel < 4 && allLevels.has((measureLevel + 1) as MarkerLevel) ? ((measureLevel + 1) as MarkerLevel) : undefined;
  const sectionLevels = [...allLevels].filter((l) => measureLevel === undefined || l < measureLevel).sort() as MarkerLevel[];
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
  for (const n of nodes) {
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
    } else if (n.level === measureLevel) {
      measure = { title: titleOf(n.lead), text: n.rest ? [n.rest] : [], items: [], inline: Boolean(n.rest) };
      stack.at(-1)!.measures.push(measure);
    } else if (n.level === itemLevel && measure) {
      const index = blocks[n.index] as SourceParagraph;
      const marker = readMarker(index.text.trim())!;
      measure.items.push(index.text.trim().slice(Math.max(marker.length, index.numberLength ?? 0)));
    } else {
      const text = (blocks[n.index] as SourceParagraph).text.trim();
      if (measure) measure.text.push(text);
      else stack.at(-1)!.intro.push(text);
      guess(['sections'], `第 ${n.index + 1} 段的编号“${text.slice(0, 6)}…”与上下文的层级不符，已按正文保留`);
    }
  }

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

  // A document that is only a 分工表: its rows are the measures, its section rows the 部分.
  const onlyTable = !allMeasures.length && !top.sections.length && bodyTable ? bodyTable : undefined;
  if (onlyTable && measuresFromTable(onlyTable, top)) walk(top);
  else if (bodyTable) guess(['sections'], '正文中的表格没有导入（只有附件中的重点任务分工表按任务表读取）');

  // The task table: its 目标, 时限, units and the plan's own columns fill the measures of the same title.
  const year = Number((date ?? options.today).slice(0, 4));
  const tableAt = taskTable ? attachmentBlocks.indexOf(taskTable) : -1;
  const tableHeading = tableAt > 0 ? paragraphText(attachmentBlocks[tableAt - 1]) : undefined;
  const tableTitle = onlyTable ? title : tableHeading !== undefined && !ATTACHMENT_HEAD.test(tableHeading) ? tableHeading : undefined;
  const table = onlyTable ?? taskTable;
  const tableKey = table ? readTaskTable(table, allMeasures, tableTitle, `${year}年重点任务分工表`, guess) : undefined;

  // Assemble in the format's key order.
  plan['title'] = planTitle;
  const issuer = signature ?? (typeof letterhead === 'string' ? letterhead.replace(/文件$/, '') : letterhead?.[0]);
  if (issuer) plan['issuer'] = issuer;
  else guess(['issuer'], '原文没有署名，发文机关请补写 issuer');
  if (letterhead) plan['letterhead'] = letterhead;
  if (signers?.length) plan['signers'] = signers;
  if (number) plan['number'] = number;
  plan['date'] = date ?? options.today;
  if (!date) guess(['date'], `原文没有成文日期，暂填 ${options.today}`);
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
    plan['sections'] = [{ title: planTitle }];
    guess(['sections'], '原文没有可识别的层级编号，正文都放在了 guidance 里');
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

function sectionOut(s: SectionDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { title: s.title };
  if (s.intro.length) out['intro'] = s.intro.join('\n');
  if (s.sections.length) out['sections'] = s.sections.map(sectionOut);
  if (s.measures.length) out['measures'] = s.measures.map(measureOut);
  return out;
}

function measureOut(m: MeasureDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { title: m.title };
  if (m.text.length) out['text'] = m.text.join('\n');
  if (m.items.length) out['items'] = m.items;
  if (m.lead?.length) out['lead'] = m.lead.length === 1 ? m.lead[0] : m.lead;
  if (m.responsible?.length) out['responsible'] = m.responsible;
  if (m.due) out['due'] = m.due;
  if (m.targets?.length) out['targets'] = m.targets;
  if (m.columns) out['columns'] = m.columns;
  return out;
}

const COLUMNS: [TaskColumnKey, RegExp][] = [
  ['seq', /^(序号|编号)$/],
  ['task', /^(工作任务|重点任务|任务内容|工作内容|任务|重点工作)$/],
  ['text', /^(具体内容|主要内容|具体措施|工作措施)$/],
  ['lead', /^(牵头单位|牵头部门|牵头领导单位)$/],
  ['responsible', /^(责任单位|配合单位|责任部门|参与单位|协办单位)$/],
  ['due', /^(完成时限|时间节点|完成时间|时限)$/],
  ['target', /^(目标|目标任务|工作目标|目标要求)$/],
];

/** A header cell as the synonym table spells it: no spaces, 简体 (牽頭單位, 工作任務, 完成時限… through the one 简/繁 table). */
function headerKey(text: string): string {
  return toHansByTable(text.replace(/\s/g, ''));
}

/**
 * Rows of a 重点任务分工表 onto the measures of the same title, in order; and, when the table is
 * not the default one, the plan's `table`: its title, its 序号 style and its columns, built-in ones
 * (renamed where the header differs) and the plan's own, whose cells go into each measure's `columns`.
 */
function readTaskTable(
  table: SourceTable,
  measures: MeasureDraft[],
  heading: string | undefined,
  defaultTitle: string,
  guess: (path: PlanPathKey[], message: string) => void,
): Record<string, unknown> | undefined {
  const [header, ...rows] = table.rows;
  if (!header) return undefined;
  // A column without a header gets one, 第N列, so that its cells have a name to go under.
  const headers = header.map((cell, k) => cell.text.trim().replace(/\s*\n\s*/g, '') || `第${k + 1}列`);
  if (header.some((cell) => !cell.text.trim())) guess(['attachments'], '任务表有没有表头的列，暂称“第N列”');
  const roles = headers.map((h) => COLUMNS.find(([, pattern]) => pattern.test(headerKey(h)))?.[0]);
  const titleColumn = roles.indexOf('task');
  if (titleColumn < 0) {
    guess(['attachments'], `附件中的表格没有“工作任务”一类的列（${headers.join('、')}），未按分工表读取`);
    return undefined;
  }
  const byTitle = new Map<string, MeasureDraft[]>();
  for (const m of measures) byTitle.set(m.title, [...(byTitle.get(m.title) ?? []), m]);
  let sectionRows = false;
  for (const row of rows) {
    const cells = row.map((cell) => cell.text.trim());
    // A row across the table: a 部分's title in the first cell, the rest empty.
    if (cells.every((c) => !c)) continue;
    if ((cells.length > 1 && cells.slice(1).every((c) => !c)) || (row.length === 1 && (row[0]!.colSpan ?? 1) > 1)) {
      sectionRows = true;
      continue;
    }
    const title = cells[titleColumn] ?? '';
    const m = byTitle.get(title)?.shift();
    if (!m) {
      if (title) guess(['attachments'], `任务表中的“${title}”在正文里找不到同名举措，未导入`);
      continue;
    }
    cells.forEach((text, k) => {
      if (!text) return;
      switch (roles[k]) {
        case 'lead':
          m.lead ??= readUnits(text);
          break;
        case 'responsible':
          m.responsible ??= readUnits(text);
          break;
        case 'due': {
          const due = readDue(text);
          if (due) m.due ??= due;
          else guess(['attachments'], `任务表中“${title}”的完成时限“${text}”无法识别，未导入`);
          break;
        }
        case 'target': {
          const targets = text.split('；').map(readTarget);
          if (targets.every(Boolean)) m.targets = targets;
          else guess(['attachments'], `任务表中“${title}”的目标“${text}”无法拆成指标，未导入`);
          break;
        }
        case undefined:
          m.columns = { ...m.columns, [headers[k]!]: /^\d+(\.\d+)?$/.test(text) ? Number(text) : text };
          break;
        default:
          break;
      }
    });
  }
  const out: Record<string, unknown> = {};
  if (heading && heading !== defaultTitle) out['title'] = heading;
  if (sectionRows) out['numbering'] = 'sections';
  const keys = headers.map((h, k) => [roles[k], headerKey(h)] as const);
  const standard = [...DEFAULT_TABLE, 'target'];
  const isDefault = keys.every(([role, key], k) => role === standard[k] && key === TASK_COLUMN_LABELS[role!]) && keys.length >= DEFAULT_TABLE.length;
  if (!isDefault) {
    out['columns'] = headers.map((h, k) => {
      const role = roles[k];
      if (!role) return { title: h };
      return headerKey(h) === TASK_COLUMN_LABELS[role] ? role : { key: role, title: h };
    });
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The measures of a document that is only a 分工表: one per row, titled from the task column (and
 * its text from a 具体内容 column), under 部分 made from the rows that span the table.
 */
function measuresFromTable(table: SourceTable, top: SectionDraft): boolean {
  const [header, ...rows] = table.rows;
  if (!header) return false;
  const roles = header.map((cell) => COLUMNS.find(([, pattern]) => pattern.test(headerKey(cell.text)))?.[0]);
  const task = roles.indexOf('task');
  const text = roles.indexOf('text');
  if (task < 0) return false;
  let section: SectionDraft | undefined;
  for (const row of rows) {
    const cells = row.map((cell) => cell.text.trim());
    if (cells.every((c) => !c)) continue;
    if ((cells.length > 1 && cells.slice(1).every((c) => !c)) || (row.length === 1 && (row[0]!.colSpan ?? 1) > 1)) {
      const heading = cells[0]!;
      const marker = readMarker(heading);
      section = { title: marker ? heading.slice(marker.length).trim() : heading, intro: [], sections: [], measures: [] };
      top.sections.push(section);
      continue;
    }
    const title = cells[task];
    if (!title) continue;
    const body = text >= 0 ? cells[text] : undefined;
    (section ?? top).measures.push({ title, text: body ? [body] : [], items: [] });
  }
  return true;
}

/** The default 分工表's columns, before the 目标 column a plan with targets adds. */
const DEFAULT_TABLE: readonly TaskColumnKey[] = ['seq', 'task', 'lead', 'responsible', 'due'];
