/**
 * `draft speech`: a plan's progress as an editable speech file (`kind: speech`) that references
 * the plan's figures (`{=研修班}`) instead of typing them, so the speech a 文秘 rewrites stays
 * current as progress comes in. A starting draft: each reported measure one point, said as the
 * generated speech says it (a verb before rates and counts, a name once), a framing sentence per
 * section, and every section of the plan kept — one without progress carries a `# 待补充` comment
 * and the planned work as its points, never dropped. Written with the yaml Document API.
 */
import path from 'node:path';
import { Document, isMap, isSeq, YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { currentProgress, isSpeechFile, type Measure, type Plan, progressFigures, type Section, type Target } from '../plan/model.js';
import { figureText, indexFigures, referenceFor, type FigureIndex } from '../speech/figure-references.js';
import { framingSentence, phrasePoint } from '../speech/figure-phrases.js';
import { toClause } from '../speech/compose-speech.js';
import { chooseScript } from './plan-script.js';
import { checkPlans } from './check-plans.js';
import { UsageError } from '../usage-error.js';
import { writeOutputs } from '../system/write-outputs.js';
import { pathExists } from '../system/fs-errors.js';

export interface DraftSpeechRequest {
  plan: string;
  /** Where the draft goes; undefined for standard output. */
  output?: string | undefined;
  force?: boolean | undefined;
}

export interface DraftSpeechResult {
  /** The draft's text, when the plan had no errors. */
  text?: string;
  /** The plan's own problems (a draft is written only from a plan without errors). */
  diagnostics: Diagnostic[];
  /** Sections that had no progress and were drafted with a 待补充 comment. */
  pending: string[];
}

export async function draftSpeech(request: DraftSpeechRequest): Promise<DraftSpeechResult> {
  // The draft's figures: names the plan by its path, so the plan must be a file.
  if (request.plan === STDIN_PATH) throw new UsageError('draft speech 需要计划文件的路径（草稿的 figures 要指向它），不能从标准输入读入');
  const { plans, diagnostics } = await checkPlans([request.plan]);
  const loaded = plans[0]?.loaded;
  if (!loaded || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, pending: [] };
  if (isSpeechFile(loaded.plan)) throw new UsageError(`“${plans[0]!.shown}”已经是发言文件（kind: speech）：draft speech 据计划文件的进展起草发言`);
  const figuresPath = relativePath(request.output === undefined ? process.cwd() : path.dirname(path.resolve(request.output)), path.resolve(request.plan));
  // A plan in 繁体 gets a draft whose added words are in 繁体 too; its own words stay as written.
  const { words } = await chooseScript(loaded.plan);
  const { text, pending } = composeDraft(loaded.plan, figuresPath, words);
  if (request.output !== undefined) {
    if (!request.force && (await pathExists(request.output))) throw new UsageError(`“${request.output}”已经存在，未做任何改动（确需覆盖请加 --force）`);
    await writeOutputs([{ path: request.output, data: text }]);
  }
  return { text, diagnostics, pending };
}

/** The draft as YAML text; pure, for tests. `figuresPath` is what the draft's `figures:` says. */
export function composeDraft(plan: Plan, figuresPath: string, words: (text: string) => string = (text) => text): { text: string; pending: string[] } {
  const index = indexFigures(plan);
  const speech = plan.speech;
  const head: Record<string, unknown> = { kind: 'speech', figures: figuresPath };
  const block: Record<string, unknown> = {};
  if (speech?.title !== undefined) block.title = speech.title;
  // A title of its own needs no meeting; without either, the draft names one for the writer to correct.
  if (speech?.meeting !== undefined) block.meeting = speech.meeting;
  else if (speech?.title === undefined) block.meeting = `${plan.title}${words('推进会')}`;
  const speaker = speech?.speaker ?? plan.issuer;
  if (speaker !== undefined) block.speaker = speaker;
  if (speech?.date !== undefined) block.date = speech.date;
  if (speech?.salutation !== undefined) block.salutation = speech.salutation;
  block.opening = speech?.opening ?? `${words('今年以来，我们按照《')}${plan.title}${words('》的部署，扎实推进各项工作，取得了阶段性成效。')}`;
  if (speech?.closing !== undefined) block.closing = speech.closing;
  if (speech?.minutes !== undefined) block.minutes = speech.minutes;
  if (speech?.style !== undefined) block.style = speech.style;
  if (speech?.separator !== undefined) block.separator = speech.separator;
  head.speech = block;

  const sections: Section[] = plan.sections ?? [{ title: words('工作进展'), measures: plan.measures ?? [] }];
  const pending: string[] = [];
  const pendingAt = new Set<number>();
  let framed = 0;
  const drafted = sections.map((section, i) => {
    const reported = measuresUnder(section).filter(isReported);
    const heading = section.speechTitle ?? section.title;
    if (reported.length === 0) {
      pending.push(section.title);
      pendingAt.add(i);
      const planned = measuresUnder(section).map((m) => toClause(m.speech ?? m.title));
      return planned.length ? { title: heading, points: planned } : { title: heading, text: toClause(section.intro ?? section.title) };
    }
    return {
      title: heading,
      intro: framingSentence(reported.length, heading === section.title ? undefined : section.title, words, framed++),
      points: reported.map((m) => pointOf(m, index, words)),
    };
  });
  head.sections = drafted;

  const doc = new Document(head);
  doc.commentBefore = [
    ` 据《${plan.title}》的进展起草的汇报发言（workplan draft speech），请在此基础上修改。`,
    ' 数字写成引用 {=指标名称}，取自 figures 所指的计划，进展更新后重新生成文稿即可，不必改这里；',
    ' 要照原样写出“{=”，写成“\\{=”。',
  ].join('\n');
  const written = doc.get('speech') as YAMLMap;
  const note = (key: string, comment: string) => {
    const node = written.get(key, true);
    if (node && typeof node === 'object') (node as { comment?: string }).comment = comment;
  };
  if (speech?.opening === undefined) note('opening', ' 开场：请按会议要求改写');
  if (speech?.meeting === undefined && speech?.title === undefined) note('meeting', ' 会议名称：请改为实际的会议');
  const list = doc.get('sections');
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      if (isMap(item) && pendingAt.has(i)) {
        item.commentBefore = ' 待补充：这一部分还没有可汇报的进展，以下要点取自计划的举措，请补上进展或改写';
      }
    });
  }
  return { text: doc.toString({ lineWidth: 0 }), pending };
}

function isReported(measure: Measure): boolean {
  const progress = currentProgress(measure);
  return progress !== undefined && progress.status !== 'planned';
}

function measuresUnder(section: Section): Measure[] {
  return [...(section.measures ?? []), ...(section.sections ?? []).flatMap(measuresUnder)];
}

/** A reported measure as a point: its phrase, its figures as references, its result. */
function pointOf(measure: Measure, index: FigureIndex, words: (text: string) => string): string {
  const own = index.byMeasure.get(measure) ?? [];
  // A figure no reference can single out is typed, as the generated speech would say it.
  const say = (figure: Target) => {
    const entry = own.find((e) => e.name === figure.name);
    return (entry && referenceFor(entry, index)) ?? figureText(figure);
  };
  const parts = phrasePoint(toClause(measure.speech ?? measure.title), progressFigures(measure), say, words);
  const result = currentProgress(measure)?.result;
  if (result) parts.push(toClause(result));
  return parts.join('，');
}

/** A path the draft can carry on any system: relative, with forward slashes. */
function relativePath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

