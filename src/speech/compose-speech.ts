/**
 * The 汇报发言 as content, before any template: title, byline, salutation, opening, sections of
 * points, closing. Pure, and free of the rendering stack, so `check` can count its characters.
 * Figures come from progress.values (name + value + unit), never from retyped prose: the generated
 * points say them, and authored text references them (`{=研修班}`, speech/figure-references.ts).
 */
import { type Measure, type PlanFile, type Section, type Speech, type SpeechFile, currentProgress, isSpeechFile, progressFigures } from '../plan/model.js';
import { type FigureIndex, figureText, indexFigures, substituteFigures } from './figure-references.js';
import { framingSentence, phrasePoint } from './figure-phrases.js';
import { formatChineseDate } from '../text/dates.js';
import { formatLevelNumber, formatOrdinal } from '../text/numerals.js';
import { endSentence, splitParagraphs } from '../text/paragraphs.js';

export const DEFAULT_SALUTATION = '尊敬的各位领导，同志们：';
export const DEFAULT_CLOSING = '汇报完毕，谢谢大家！';
export const REPORT_FOLLOWS = '现将有关工作情况汇报如下：';

export interface SpeechSectionContent {
  heading: string;
  intro: string;
  points: string[];
  /** ordinal: 一是……；二是……。 in one paragraph; numbered: 1、 paragraphs; runin: paragraphs with a bold lead. */
  enumerate: 'ordinal' | 'numbered' | 'runin';
  /** Prose after the points, not enumerated. */
  paragraphs: string[];
  /** Where in the plan this section came from, for messages. */
  path: (string | number)[];
  /** The （一）（二） parts inside it, after its own points and prose (a speech file's `sections`). */
  subsections?: SpeechSectionContent[];
}

export interface SpeechContent {
  title: string;
  /** Speaker and date under the title; null when the speech gives none (nothing is invented). */
  speaker: string | null;
  date: string | null;
  /** One line, two (各位领导： / 大家好！), or none. */
  salutation: string[];
  opening: string[];
  sections: SpeechSectionContent[];
  closing: string;
  style: 'runin' | 'numbered';
  /** How the （一） level is laid out: a heading line of its own, or run in, bold, before its first paragraph. */
  subsectionStyle: 'runin' | 'numbered';
  separator: '；' | '。';
  minutes: number | null;
}

/** Removes end punctuation so clauses can be joined with “，” and ended by house style. */
export function toClause(text: string): string {
  return text.trim().replace(/[。；，、：！？.;,!?]+$/u, '');
}

/** The opening ends with “现将有关工作情况汇报如下：” unless the writer ended it with a colon already. */
function composeOpening(opening: string | undefined, words: (text: string) => string, figures: (text: string) => string): string[] {
  const paragraphs = splitParagraphs(opening).map(figures);
  const last = paragraphs[paragraphs.length - 1];
  if (last === undefined) return [words(REPORT_FOLLOWS)];
  if (!/[：:]$/.test(last)) paragraphs[paragraphs.length - 1] = `${endSentence(last)}${words(REPORT_FOLLOWS)}`;
  return paragraphs;
}

/**
 * A measure becomes a point when there is something to report: progress, or its own speech wording.
 * Its phrase, then its figures said as a report says them (a verb before each rate and count, a
 * name once), then the result in the writer's own words.
 */
function pointOf(measure: Measure, figures: (text: string) => string, words: (text: string) => string): string | undefined {
  const progress = currentProgress(measure);
  const reported = progress && progress.status !== 'planned';
  if (!reported && !measure.speech) return undefined;
  const parts = phrasePoint(toClause(figures(measure.speech ?? measure.title)), progressFigures(measure), figureText, words);
  if (progress?.result) parts.push(toClause(figures(progress.result)));
  return parts.join('，');
}

function measuresUnder(section: Section): Measure[] {
  return [...(section.measures ?? []), ...(section.sections ?? []).flatMap(measuresUnder)];
}

/**
 * `words` puts the tool's own words (the default title, salutation, opening and closing) in the
 * plan's script. `figuresFrom` is the plan a speech file's references read (its `figures:`, which
 * the pipeline loads); a plan's own speech reads the plan itself.
 */
export function composeSpeech(
  file: PlanFile,
  words: (text: string) => string = (text) => text,
  figuresFrom?: PlanFile,
): SpeechContent | undefined {
  const speech: Speech | undefined = file.speech;
  if (!speech) return undefined;
  const index: FigureIndex = indexFigures(isSpeechFile(file) ? figuresFrom : file);
  const figures = (text: string) => substituteFigures(text, index);
  let spoken = 0;
  const part = (s: SpeechFile['sections'][number], path: (string | number)[]): SpeechSectionContent => ({
    heading: figures(s.title),
    intro: figures(s.intro ?? ''),
    points: (s.points ?? []).map((p) => toClause(figures(p))),
    enumerate: s.enumerate ?? ('ordinal' as const),
    paragraphs: splitParagraphs(s.text).map(figures),
    path,
    ...(s.sections ? { subsections: s.sections.map((sub, j) => part(sub, [...path, 'sections', j])) } : {}),
  });
  const sections: SpeechSectionContent[] = isSpeechFile(file)
    ? file.sections.map((s, i) => part(s, ['sections', i]))
    : (file.sections ?? []).flatMap((s, i) => {
        const points = measuresUnder(s).flatMap((m) => pointOf(m, figures, words) ?? []);
        // A section with nothing to report is left out; the speech-section-skipped rule says so.
        if (!points.length) return [];
        const heading = s.speechTitle ?? s.title;
        // The framing sentence names the section's subject when the speech heads it otherwise.
        const intro = framingSentence(points.length, heading === s.title ? undefined : s.title, words, spoken++);
        return [{ heading, intro, points, enumerate: 'ordinal' as const, paragraphs: [], path: ['sections', i] }];
      });
  // One style for both levels, or one per level: [numbered, runin].
  const styles = [speech.style ?? 'runin'].flat();
  return {
    title: speech.title !== undefined ? figures(speech.title) : `${words('在')}${speech.meeting ?? ''}${words('上的汇报发言')}`,
    speaker: speech.speaker ?? null,
    date: speech.date ? formatChineseDate(speech.date) : null,
    salutation:
      speech.salutation === false ? [] : typeof speech.salutation === 'string' ? [speech.salutation] : (speech.salutation ?? [words(DEFAULT_SALUTATION)]),
    opening: composeOpening(speech.opening, words, figures),
    sections,
    closing: speech.closing !== undefined ? figures(speech.closing) : words(DEFAULT_CLOSING),
    style: styles[0]!,
    subsectionStyle: styles[styles.length - 1]!,
    separator: speech.separator ?? '；',
    minutes: speech.minutes ?? null,
  };
}

/**
 * Every character the built-in speech template prints, in order, with the numbers and ordinals
 * it computes. A test keeps it equal to the text of the built document.
 */
export function speechPlainText(content: SpeechContent): string {
  return [content.title, ...byline(content), spokenText(content)].join('\n');
}

/**
 * What is read aloud, salutation to closing (the title, speaker and date are not): the length
 * `check` measures against `speech.minutes` and `build` prints.
 */
export function spokenText(content: SpeechContent): string {
  const out = [...content.salutation, ...content.opening];
  content.sections.forEach((section, i) => {
    const body = sectionLead(section, content.separator);
    if (content.style === 'numbered') out.push(`${formatLevelNumber(1, i + 1)}${section.heading}`, body);
    else out.push(`${endSentence(section.heading)}${body}`);
    out.push(...sectionItems(section).map((item) => `${item.bold}${item.text}`), ...sectionParagraphs(section));
    (section.subsections ?? []).forEach((sub, j) => {
      const lead = sectionLead(sub, content.separator);
      const number = formatLevelNumber(2, j + 1);
      if (content.subsectionStyle === 'numbered') out.push(`${number}${sub.heading}`, lead);
      else out.push(`${number}${endSentence(sub.heading)}${lead}`);
      out.push(...sectionItems(sub).map((item) => `${item.bold}${item.text}`), ...sectionParagraphs(sub));
    });
  });
  out.push(content.closing);
  return out.join('\n');
}

/** The speaker and （date） under the title, those the speech gives. */
export function byline(content: SpeechContent): string[] {
  return [...(content.speaker ? [content.speaker] : []), ...(content.date ? [`（${content.date}）`] : [])];
}

/** What follows a section's heading in its first paragraph: the intro, then 一是……二是…… when points run on. */
export function sectionLead(section: SpeechSectionContent, separator: string): string {
  // An intro that ends with a colon leads into the points as it is (重点抓了三个方面：一是……).
  const intro = section.intro ? (/[：:]$/.test(section.intro) ? section.intro : endSentence(section.intro)) : '';
  if (section.enumerate === 'ordinal' && section.points.length) return `${intro}${enumeratePoints(section.points, separator)}`;
  // A section of prose alone runs its first paragraph in after the heading.
  if (!intro && section.points.length === 0) return section.paragraphs[0] ?? '';
  return intro;
}

/** The prose paragraphs that stand on their own (the first has run in when the section is prose alone). */
export function sectionParagraphs(section: SpeechSectionContent): string[] {
  return !section.intro && section.points.length === 0 ? section.paragraphs.slice(1) : section.paragraphs;
}

/** Points that stand as paragraphs of their own: 1、…… or a bold first sentence. */
export function sectionItems(section: SpeechSectionContent): { bold: string; text: string }[] {
  if (section.enumerate === 'numbered') return section.points.map((p, i) => ({ bold: '', text: `${i + 1}、${endSentence(p)}` }));
  if (section.enumerate === 'runin') {
    return section.points.map((p) => {
      const lead = /^(.+?[。：！？])(.*)$/u.exec(p);
      return lead ? { bold: lead[1]!, text: endSentence(lead[2]!) } : { bold: '', text: endSentence(p) };
    });
  }
  return [];
}

/** 一是……；二是……。 — a single point is written without an ordinal. */
export function enumeratePoints(points: readonly string[], separator: string): string {
  if (points.length === 1) return `${points[0]}。`;
  return points.map((p, i) => `${formatOrdinal(i + 1)}${p}${i === points.length - 1 ? '。' : separator}`).join('');
}
