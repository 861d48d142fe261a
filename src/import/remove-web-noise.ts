/**
 * Web noise out of a pasted or saved page: source and byline lines, breadcrumbs, share bars,
 * “内容被隐藏” notices, download and app prompts, copyright and filing lines. Each removed
 * paragraph is listed in `removed`, for stderr.
 *
 * Conservative by construction: a paragraph goes only when the whole of it is noise, which means
 * short, anchored patterns (a `来源：` line is a label and a short value, never a sentence), and
 * never a paragraph that reads as prose: one with a full stop or semicolon in its value, or long.
 * A sentence that mentions 来源 or 时间 in its middle is body text and stays.
 */
import { toHansByTable } from '../text/hant-pairs.js';
import type { SourceBlock, SourceDocument } from './source-document.js';

/**
 * A line in 简体 for matching, through the one 简/繁 table: a page in 繁体 is cleaned the same way.
 * Matching only: the removed line is reported as it was.
 */
const simplify = toHansByTable;

/** Labels of a page's byline: `发布:笔杆子 时间:2024-04-23 字数:2165字`. */
const META_LABEL = '(?:发布(?:人|者|时间|日期|单位)?|时间|日期|字数|作者|编辑|责任编辑|责编|审核|校对|供稿|浏览(?:次数|量)?|阅读(?:次数|量|数)?|点击(?:次数|量|数)?|访问量|来源|文章来源|信息来源|稿件来源|出处)';
/** Labels that are noise on their own, whatever the value (a 时间 line alone can be a notice's body). */
const STRONG_LABEL = /^(?:发布|发布人|发布者|发布时间|发布日期|字数|责任编辑|责编|编辑|浏览|浏览次数|浏览量|阅读次数|阅读量|阅读数|点击|点击次数|点击量|点击数|访问量|来源|文章来源|信息来源|稿件来源|关键词|原标题)$/;
const META_FIELD = new RegExp(`(${META_LABEL}|关键词|原标题)\\s*[:：]`, 'g');
/** A date and time a page prints before its source: `2017年07月14日 15:38 |`. */
const DATE_PREFIX = /^\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜丨]?\s*/;
const SENTENCE_MARK = /[。；！？]/;

/** A line made only of `label:value` fields, at least one of them a strong label. */
function isBylineLine(line: string): boolean {
  const rest = line.replace(DATE_PREFIX, '');
  if (rest.length > 120) return false;
  const fields = [...rest.matchAll(META_FIELD)];
  if (fields.length === 0 || fields[0]!.index !== 0) return false;
  let strong = false;
  let weak = 0;
  for (let i = 0; i < fields.length; i++) {
    const label = fields[i]![1]!;
    const from = fields[i]!.index + fields[i]![0].length;
    const value = rest.slice(from, fields[i + 1]?.index ?? rest.length).trim();
    // A value that is a sentence is body text: “时间：全年。各单位要……”.
    if (SENTENCE_MARK.test(value) || value.length > (label === '原标题' ? 80 : 40)) return false;
    if (STRONG_LABEL.test(label)) strong = true;
    else weak++;
  }
  return strong || weak >= 2;
}

const NOISE_PATTERNS: readonly RegExp[] = [
  // Hidden-content and read-more notices.
  /^(?:大约|还)?剩余.{0,12}(?:内容)?(?:被|已)?隐藏/,
  /^(?:[（(【[]?\s*(?:展开全文|阅读全文|查看全文|阅读原文|查看原文|继续阅读|点击(?:查看|阅读)(?:全文|更多)?|余下全文)\s*[）)】\]]?\s*)+[>》»]*$/,
  // Share bars and navigation.
  /^分享(?:到|至)?\s*[:：]?\s*(?:(?:微信|朋友圈|微博|新浪微博|QQ空间|QQ|豆瓣|腾讯微博)\s*[,，、 ]*)*$/i,
  /^(?:首页|当前位置|您的位置|你的位置|您现在的位置)\s*[:：>＞»›]/,
  /^(?:更多|更多>+|返回顶部|返回首页|返回列表|打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|收藏|收藏本页|加入收藏|纠错|我要纠错|相关阅读|相关文章|相关新闻|相关推荐|推荐阅读|热门推荐|热点推荐|网友评论|我要评论|发表评论|上一篇|下一篇)\s*[>》»]*$/,
  /^(?:上一篇|下一篇|上一条|下一条)\s*[:：]/,
  /^(?:[【[]\s*(?:打印|打印本页|打印此页|关闭|关闭窗口|收藏|加入收藏|纠错|返回顶部|返回首页|分享|大|中|小)\s*[】\]]\s*)+$/,
  /^[【[]?\s*字(?:体|号)\s*[:：]?\s*[大中小]\s*[大中小]\s*[大中小]?\s*[】\]]?/,
  // A page's counter without a colon: `阅读量 3.2万`, `浏览 1024 次`.
  /^(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[:：]?\s*[\d.,]+\s*[万千]?\s*次?$/,
  // Download, app and member prompts: the site's own words (本站, 点击此处, a members' QQ group).
  /点击(?:此处|这里|下方链接|链接进入)/,
  /(?:本站|本网).{0,30}(?:下载|会员|转载|提供)|(?:下载|会员).{0,30}(?:本站|本网)/,
  /(?:加入|会员|群号).{0,20}(?:QQ|qq)群|(?:QQ|qq)群.{0,10}(?:公告|群号|[:：]\s*\d)/,
  /^扫(?:码|一扫|描二维码)(?:关注|下载|阅读|查看|收听|观看)/,
  // Copyright and filing.
  /^(?:版权所有|版权声明|Copyright|©|\(c\))/i,
  /[|｜]\s*版权所有|All Rights Reserved|ICP备\s*\d|ICP证\s*\d|公网安备\s*\d/i,
  // A repost's footer: “……由互联网用户分享整理。文章地址：http://…”, or a bare address.
  /(?:文章地址|原文地址|原文链接|本文地址|本文链接|转载请注明)\s*[:：]?\s*https?:\/\//i,
  /^https?:\/\/\S+$/i,
];

/**
 * App prompts share their words with body sentences (“引导群众下载APP办理业务。”): only a short
 * line that is not a sentence counts.
 */
const APP_PROMPT = /(?:下载|打开|安装)\s*(?:APP|App|app|客户端)/;

/**
 * Spam a copied page carries (a keyword-stuffed line of adult or gambling phrases): words no
 * 公文 uses. A line is spam only with two of them and no sentence in it, so one odd word stays.
 */
const SPAM_WORDS = /无码|有码|色播|人妻|少妇|毛片|黄片|中文字幕|不卡|不打码|成人影|博彩|赌场|娱乐城|百家乐|时时彩|六合彩|老虎机|偷拍/g;

function isSpamLine(line: string): boolean {
  if (SENTENCE_MARK.test(line)) return false;
  return new Set(line.match(SPAM_WORDS) ?? []).size >= 2;
}

/** Whether a whole paragraph is web noise. */
export function isWebNoise(text: string): boolean {
  const line = simplify(text.trim());
  if (line === '' || line.length > 160) return false;
  if (isBylineLine(line) || isSpamLine(line)) return true;
  if (line.length <= 30 && !SENTENCE_MARK.test(line) && APP_PROMPT.test(line)) return true;
  return NOISE_PATTERNS.some((pattern) => pattern.test(line));
}

/** The document without its noise paragraphs; each removed one is appended to `removed`. */
export function removeWebNoise(doc: SourceDocument): SourceDocument {
  const blocks: SourceBlock[] = [];
  const removed = [...doc.removed];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph' && isWebNoise(block.text)) removed.push(block.text);
    else blocks.push(block);
  }
  return { ...doc, blocks, removed };
}
