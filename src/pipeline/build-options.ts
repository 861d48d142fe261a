/**
 * build's options: what the command line asks for, checked before any file is read. Light on
 * purpose (no rendering stack), so the command line can offer the same lists as choices.
 */
import { LETTERHEAD_MODES, type LetterheadMode } from '../markdown/blocks.js';
import { SCRIPTS, type Script } from '../text/script.js';
import { parseScript } from './plan-script.js';
import { TASK_NUMBERINGS, type TaskNumbering } from '../plan/task-table-keys.js';
import { DOCUMENTS, type DocumentId } from './documents.js';
import { FORMAT_FACTS, OUTPUT_FORMATS, type OutputFormat, parseFormats } from './output-formats.js';
import { UsageError } from '../usage-error.js';

/** The formats build makes (the 分工表 alone takes the table-only ones). */
const BUILD_FORMATS: readonly OutputFormat[] = OUTPUT_FORMATS;

/** What build's flags may say, for the command line's choices and --help. */
export const BUILD_CHOICES = {
  documents: Object.keys(DOCUMENTS) as DocumentId[],
  formats: BUILD_FORMATS,
  letterheads: LETTERHEAD_MODES,
  scripts: SCRIPTS,
  taskNumbers: TASK_NUMBERINGS,
};

/** What the command line asks for, as typed. */
export interface BuildRequest {
  doc?: string;
  to: string;
  output?: string;
  owners?: boolean;
  /** Task table: only this unit's tasks. */
  unit?: string;
  /** Task table: the measure's text in the 工作任务 cell. */
  taskText?: boolean;
  /** 发文机关标志: red, preprinted paper, or none. */
  letterhead?: string;
  /** hans or hant: the script of the whole output, whatever the plan's. */
  script?: string;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
  /** Stop (exit 2) when a font the documents name is not installed. */
  requireFonts?: boolean;
  /** Task table: how 序号 counts (sequence, sections, outline). */
  taskNumbers?: string;
  /** A 修订稿: the differences from this old version (a plan file or a git revision) as tracked changes. */
  redline?: string;
}

/** A request whose values are known to be valid. */
export interface BuildOptions {
  doc?: DocumentId;
  formats: OutputFormat[];
  output?: string;
  owners: boolean;
  unit?: string;
  taskText: boolean;
  letterhead?: LetterheadMode;
  script?: Script;
  requireFonts?: boolean;
  taskNumbers?: TaskNumbering;
  /** The old version a 修订稿 is compared with (`--redline`). */
  redline?: string;
}

/** The formats that can carry Word's tracked changes (the PDF shows them as LibreOffice draws them). */
const REDLINE_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

/** Checks a request before any file is read; every unknown value is a UsageError here. */
export function resolveBuildOptions(request: BuildRequest): BuildOptions {
  if (request.doc !== undefined && !(request.doc in DOCUMENTS)) {
    throw new UsageError(`未知的文稿“${request.doc}”，可用：${Object.keys(DOCUMENTS).join('、')}`);
  }
  const formats = parseFormats(request.to, BUILD_FORMATS, 'build', true);
  const tableOnly = formats.filter((f) => FORMAT_FACTS[f].tableOnly);
  if (tableOnly.length && request.doc !== 'tasks') throw new UsageError(`--to ${tableOnly.join(',')} 只用于重点任务分工表：请加 --doc tasks`);
  if (request.unit !== undefined && request.doc !== 'tasks') throw new UsageError('--unit 只用于重点任务分工表：请加 --doc tasks');
  if (request.check && formats.some((f) => !FORMAT_FACTS[f].reproducible)) throw new UsageError('--check 比较逐字节相同的文稿，而 PDF 每次转换都不同（含转换时间）：请去掉 --to 中的 pdf');
  if (request.redline !== undefined) {
    if (!/\S/.test(request.redline)) throw new UsageError('--redline 需要旧版本：一个计划文件，或 git 的版本（如 HEAD~1、v2025:plans/2025-工作安排意见.yaml）');
    const other = formats.filter((f) => !REDLINE_FORMATS.includes(f));
    if (other.length) throw new UsageError(`修订稿只能是 Word 的修订（.docx，或由它转换的 pdf）：--redline 不能与 --to ${other.join(',')} 一起用`);
    if (request.check) throw new UsageError('--check 比较逐字节相同的文稿，而修订稿记着修订的时间：--redline 不能与 --check 一起用');
  }
  const letterhead = request.letterhead;
  if (letterhead !== undefined && !(LETTERHEAD_MODES as readonly string[]).includes(letterhead)) {
    throw new UsageError(`未知的红头方式“${letterhead}”，可用：${LETTERHEAD_MODES.join('、')}`);
  }
  const taskNumbers = request.taskNumbers;
  if (taskNumbers !== undefined && !(TASK_NUMBERINGS as readonly string[]).includes(taskNumbers)) {
    throw new UsageError(`未知的序号方式“${taskNumbers}”，可用：${TASK_NUMBERINGS.join('、')}`);
  }
  return {
    ...(request.doc !== undefined ? { doc: request.doc as DocumentId } : {}),
    formats,
    ...(request.output !== undefined ? { output: request.output } : {}),
    owners: request.owners ?? false,
    ...(request.unit !== undefined ? { unit: request.unit } : {}),
    taskText: request.taskText ?? false,
    ...(letterhead !== undefined ? { letterhead: letterhead as LetterheadMode } : {}),
    ...(request.script !== undefined ? { script: parseScript(request.script) } : {}),
    ...(request.requireFonts ? { requireFonts: true } : {}),
    ...(taskNumbers !== undefined ? { taskNumbers: taskNumbers as TaskNumbering } : {}),
    ...(request.redline !== undefined ? { redline: request.redline } : {}),
  };
}
