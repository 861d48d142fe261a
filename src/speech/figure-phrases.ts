/**
 * Figures as a speech says them, shared by the generated speech and `draft speech`: a verb before
 * every rate and every count whose name does not start with one (办结率达96%), and a value's name
 * said once within a sentence (收集企业诉求112件，办结率达96% — not 企业诉求办结率 again).
 */
import { toHansByTable } from '../text/hant-pairs.js';
import type { Target } from '../plan/model.js';
import { toChineseNumeral } from '../text/numerals.js';

/**
 * Verbs a value's name begins with in the genre's reports (举办研修班, 召开恳谈会, 覆盖成员…).
 * A name that starts with none of them is a noun (党外人士参训率, 志愿服务时长) and gets “达”.
 */
const LEADING_VERB = new RegExp(
  `^(${[
    '举办|举行|召开|开展|开办|组织|组建|收集|征集|办结|办理|受理|完成|培训|新建|建成|建立|设立|联系|服务|覆盖|走访|慰问|推荐|推动|发展|吸纳',
    '提出|提交|报送|解决|化解|帮助|引导|实施|落实|印发|制定|出台|形成|转化|编印|发布|选树|表彰|培育|打造|签约|引进|招引|带动|吸引|获得?',
    '参与|参加|接待|调研|筹集|捐赠|捐助|资助|认定|命名|评选|达成|实现',
  ].join('|')})`,
);

/** A rate (办结率, 覆盖面, or a value in %): read with a verb before it (达96%). */
function isRate(figure: Pick<Target, 'name' | 'unit'>): boolean {
  return figure.unit === '%' || figure.unit === '％' || /(率|比例|比重|覆盖面)$/.test(figure.name);
}

/**
 * The longest head of `name` (two characters at least) that the previous name ended with, when
 * what remains still says something (two characters or more): 收集企业诉求 + 企业诉求办结率 → 4.
 */
function repeatedHead(previous: string | undefined, name: string): number {
  if (!previous) return 0;
  for (let n = Math.min(previous.length, name.length - 2); n >= 2; n--) {
    if (previous.endsWith(name.slice(0, n))) return n;
  }
  return 0;
}

/**
 * The name with what the previous one already said taken out: a repeated head (企业诉求办结率 after
 * 收集企业诉求 → 办结率), or a verb's whole object (培训党外代表人士 after 举办党外代表人士理论研修班 → 培训).
 */
function saidOnce(previous: string | undefined, name: string): string {
  const head = repeatedHead(previous, name);
  if (head) return name.slice(head);
  const verb = LEADING_VERB.exec(name)?.[0];
  if (previous && verb && name.length - verb.length >= 2 && previous.includes(name.slice(verb.length))) return verb;
  return name;
}

/**
 * Clauses for a measure's figures, in order. `say` writes the number and unit (the figure itself,
 * or a reference to it in a draft); `words` puts the one word the tool adds (达) in the plan's script.
 */
export function phraseFigures<T extends Pick<Target, 'name' | 'unit'>>(
  figures: readonly T[],
  say: (figure: T) => string,
  before?: string,
  words: (text: string) => string = (text) => text,
): string[] {
  let previous: string | undefined = before;
  return figures.map((figure) => {
    const name = saidOnce(previous, figure.name);
    previous = figure.name;
    // A 繁体 name is read through the one 简/繁 table: the verbs are written once, in 简体.
    const verb = isRate(figure) || !LEADING_VERB.test(toHansByTable(name)) ? (/(达|为|到|超过)$/.test(toHansByTable(name)) ? '' : words('达')) : '';
    return `${name}${verb}${say(figure)}`;
  });
}

/** How a section says what follows, in turn, so that five sections do not open with the same words. */
const FRAMINGS: readonly { many: (n: string) => string; one: string }[] = [
  { many: (n) => `重点抓了${n}个方面：`, one: '重点抓了以下工作：' },
  { many: (n) => `着力做好${n}个方面的工作：`, one: '着力做好以下工作：' },
  { many: (n) => `主要在${n}个方面下功夫：`, one: '主要做了以下工作：' },
];

/**
 * The sentence that opens a section, before 一是……二是……: what the section is about, and how many
 * things it reports. `about` is the plan's own section title when the speech heads it otherwise;
 * `index` (the section's place) varies the wording; `words` puts the tool's words, never the
 * title, in the plan's script.
 */
export function framingSentence(count: number, about: string | undefined, words: (text: string) => string = (text) => text, index = 0): string {
  const framing = FRAMINGS[index % FRAMINGS.length]!;
  const how = words(count >= 2 ? framing.many(count === 2 ? '两' : toChineseNumeral(count)) : framing.one);
  // A title of two clauses (坚持思想引领，筑牢……基础) is named by its first; the plan's words stay as written.
  const subject = about?.split(/[，,；;]/u)[0]?.trim();
  return subject ? `${words('围绕')}${subject}${words('，')}${how}` : how;
}

/**
 * A point's phrase followed by its figures. A phrase that ends with the first value's name takes
 * the number at once (举办党外代表人士理论研修班3期, not “…研修班，党外代表人士理论研修班3期”); the
 * phrase counts as said for the names after it.
 */
export function phrasePoint<T extends Pick<Target, 'name' | 'unit'>>(
  lead: string,
  figures: readonly T[],
  say: (figure: T) => string,
  words: (text: string) => string = (text) => text,
): string[] {
  const [first, ...rest] = figures;
  if (first && lead.endsWith(first.name)) {
    return [`${lead}${isRate(first) ? words('达') : ''}${say(first)}`, ...phraseFigures(rest, say, lead, words)];
  }
  return [lead, ...phraseFigures(figures, say, lead, words)];
}
