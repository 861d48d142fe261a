/**
 * The one stage where documents leave the house, for every command (build, status, diff…). An
 * engine hands over Publications: a name, the Blocks, metadata and the script. Here, once per
 * document, the whole-document script conversion and the clean-up of characters no output may
 * carry; the emitters' labels in the document's script, as data; each format through its
 * emitter (the registry below); and the PDF as a second pass over the .docx, in one LibreOffice
 * batch. `deliverDocuments` then writes them as one set (write-outputs.ts), compares them with the
 * disk (`--check`) or hands back what goes to standard output, for the command to print.
 */
import path from 'node:path';
import { emitCsv } from '../emit/csv.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import type { PageNumberPlacement } from '../emit/docx/footers.js';
import { convertLabels, type DocumentLabels } from '../emit/labels.js';
import { emitMarkdown } from '../emit/markdown.js';
import { emitXlsx } from '../emit/xlsx.js';
import type { FormSheet } from '../emit/form-xlsx.js';
import type { Block } from '../markdown/blocks.js';
import { removeInvalidCharsDeep } from '../text/invalid-chars.js';
import { type ScriptChoice, finalWords } from '../text/script.js';
import { convertToPdf, requireSoffice } from '../system/convert-pdf.js';
import { FORMAT_FACTS, type FormatFacts, type OutputFormat, formatOfFile } from './output-formats.js';
import { UsageError } from '../usage-error.js';
import { type Output, staleOutputs, writeOutputs } from '../system/write-outputs.js';

export interface PublicationMeta {
  /** The document's title, for the file's properties (and the sheet's name). */
  title: string;
  /** Issuer or speaker, for the file's properties. */
  creator: string;
  /** The document's date (YYYY-MM-DD), stamped into the package unless SOURCE_DATE_EPOCH says otherwise. */
  date: string;
  pageNumbers: PageNumberPlacement;
  /** A redline (.docx only): who made the tracked changes, and when (ISO 8601). */
  revision?: { author: string; date: string };
}

/** One document as an engine hands it over. */
export interface Publication {
  /**
   * The file name without extension (`2025-工作安排意见-督办通报`), under the output folder; undefined
   * for a document of a plan read from standard input, which needs `-o FILE` or `-o -`.
   */
  name: string | undefined;
  blocks: readonly Block[];
  meta: PublicationMeta;
  script: ScriptChoice;
  /** The formats asked for this document. */
  formats: readonly OutputFormat[];
  /** A form to fill (the 进展填报表) instead of a table: its .xlsx is the form, through the same conversion. */
  form?: FormSheet;
  /**
   * A companion of the document before it (the 修订稿 of a clean document): with `-o FILE.ext` it
   * goes beside that file, this added to its name (`FILE-修订.ext`), never over it.
   */
  besideSuffix?: string;
}

/** A document ready for the emitters: in its final script, clean, with its labels. */
interface PreparedDocument {
  blocks: readonly Block[];
  meta: PublicationMeta;
  labels: DocumentLabels;
  form?: FormSheet;
}

interface FormatEntry extends FormatFacts {
  emit?: (document: PreparedDocument) => Promise<Uint8Array | string> | Uint8Array | string;
}

/** Every format: its facts and its emitter (the PDF has none: it is the .docx, converted). */
export const FORMATS: Record<OutputFormat, FormatEntry> = {
  docx: {
    ...FORMAT_FACTS.docx,
    emit: ({ blocks, meta, labels }) => emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date), pageNumbers: meta.pageNumbers, labels, ...(meta.revision ? { revision: meta.revision } : {}) }),
  },
  md: { ...FORMAT_FACTS.md, emit: ({ blocks, labels }) => emitMarkdown(blocks, labels) },
  csv: { ...FORMAT_FACTS.csv, emit: ({ blocks }) => emitCsv(blocks) },
  xlsx: {
    ...FORMAT_FACTS.xlsx,
    // The form's writer (exceljs) is loaded only for forms: a 分工表 or 台账 never pays for it.
    emit: async ({ blocks, meta, labels, form }) =>
      form ? (await import('../emit/form-xlsx.js')).emitForm(form, documentDate(meta.date)) : emitXlsx(blocks, { title: meta.title, date: documentDate(meta.date), labels }),
  },
  pdf: { ...FORMAT_FACTS.pdf },
};

/** Where one format of one publication goes; `-` is standard output. */
export interface PublishTarget {
  publication: Publication;
  format: OutputFormat;
  path: string;
}

export interface PublishHooks {
  /** Called before each output is made, for a progress line. */
  onProgress?(index: number, total: number, path: string): void;
}

/** Fails at once, before any work, when a format asked for cannot be made on this machine (a PDF without LibreOffice). */
export function requirePublishable(formats: readonly OutputFormat[]): void {
  if (formats.includes('pdf')) requireSoffice();
}

/**
 * Where each output goes. `-o -`: one text output to standard output. `-o FILE.ext`: one output,
 * of that format. Otherwise a folder (`out/` when not given), each output named after its
 * publication. `inputs` are files that must never be overwritten (the plans read).
 */
export function placeOutputs(publications: readonly Publication[], output: string | undefined, inputs: readonly string[] = []): PublishTarget[] {
  const pairs = publications.flatMap((publication) => publication.formats.map((format) => ({ publication, format })));
  const out = output ?? 'out';
  let targets: PublishTarget[];
  if (out === '-') {
    if (pairs.length !== 1 || !FORMATS[pairs[0]!.format].stdout) throw new UsageError('-o - 只能把一个 Markdown 或 CSV 文稿写到标准输出');
    targets = [{ ...pairs[0]!, path: '-' }];
  } else if (formatOfFile(out) !== undefined) {
    const main = pairs.filter(({ publication }) => publication.besideSuffix === undefined);
    if (main.length !== 1) throw new UsageError(`-o ${out} 是一个文件，但这次要生成 ${pairs.length} 个文件：请改为给出一个文件夹`);
    if (formatOfFile(out) !== main[0]!.format) throw new UsageError(`-o ${out} 的扩展名与 --to ${main[0]!.format} 不符`);
    const extension = path.extname(out);
    targets = pairs.map((pair) =>
      pair.publication.besideSuffix === undefined ? { ...pair, path: out } : { ...pair, path: `${out.slice(0, out.length - extension.length)}${pair.publication.besideSuffix}${extension}` },
    );
  } else {
    if (pairs.some(({ publication }) => publication.name === undefined)) {
      throw new UsageError('计划来自标准输入（-）时，请用 -o 给出输出文件（或用 -o - 写到标准输出）');
    }
    targets = pairs.map(({ publication, format }) => ({ publication, format, path: path.join(out, `${publication.name}.${FORMATS[format].extension}`) }));
  }
  const read = new Set(inputs.map((file) => path.resolve(file)));
  for (const t of targets) {
    if (t.path !== '-' && read.has(path.resolve(t.path))) throw new UsageError(`输出文件“${t.path}”就是输入的计划文件，拒绝覆盖`);
  }
  return targets;
}

/** The bytes (or text) of every target, in order; PDFs converted from their .docx in one batch at the end. */
export async function publishDocuments(targets: readonly PublishTarget[], hooks: PublishHooks = {}): Promise<Output[]> {
  const soffice = targets.some((t) => t.format === 'pdf') ? requireSoffice() : undefined;
  const prepared = new Map<Publication, PreparedDocument>();
  const prepare = (publication: Publication) => {
    let document = prepared.get(publication);
    if (!document) prepared.set(publication, (document = prepareDocument(publication)));
    return document;
  };
  const documents: Output[] = [];
  const docxOf = new Map<Publication, Uint8Array>();
  for (const [i, target] of targets.entries()) {
    hooks.onProgress?.(i, targets.length, target.path);
    const document = prepare(target.publication);
    if (target.format === 'pdf') {
      // The second pass needs the .docx: the one this call makes anyway, or one made for it alone.
      if (!docxOf.has(target.publication)) docxOf.set(target.publication, (await FORMATS.docx.emit!(document)) as Uint8Array);
      documents.push({ path: target.path, data: new Uint8Array() });
      continue;
    }
    const data = await FORMATS[target.format].emit!(document);
    if (target.format === 'docx') docxOf.set(target.publication, data as Uint8Array);
    documents.push({ path: target.path, data });
  }
  const pdfTargets = targets.flatMap((target, i) => (target.format === 'pdf' ? [{ target, i }] : []));
  if (pdfTargets.length > 0) {
    const pdfs = await convertToPdf(
      pdfTargets.map(({ target }) => ({ shown: target.path, docx: docxOf.get(target.publication)! })),
      soffice,
    );
    for (const [k, { i }] of pdfTargets.entries()) documents[i]!.data = pdfs[k]!;
  }
  return documents;
}

export interface DeliveryOptions extends PublishHooks {
  /** `-o`: a folder (out/ when not given), one file, or `-`. */
  output?: string | undefined;
  /** Files never to be overwritten: the plans read. */
  inputs?: readonly string[];
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
  /** Told of each file once the whole set is in place. */
  onWritten?(output: Output): void;
}

export interface Delivery {
  /** Every output made, in order. */
  outputs: Output[];
  /** What goes to standard output (`-o -`), for the command to print. */
  stdout?: Uint8Array | string;
  /** With `check`: the outputs whose file on disk differs from what would be written now. */
  stale?: { path: string; why: string }[];
}

/** Publications → outputs → the disk as one set (or compared with it, or standard output). */
export async function deliverDocuments(publications: readonly Publication[], options: DeliveryOptions = {}): Promise<Delivery> {
  const targets = placeOutputs(publications, options.output, options.inputs);
  if (options.check) {
    if (targets.some((t) => t.path === '-')) throw new UsageError('--check 需要与磁盘上的文件比较，不能与 -o - 同用');
    const unreproducible = targets.find((t) => !FORMATS[t.format].reproducible);
    if (unreproducible) throw new UsageError(`--check 比较逐字节相同的文稿，而 ${unreproducible.format} 每次生成都不同：请去掉 --to 中的 ${unreproducible.format}`);
  }
  const outputs = await publishDocuments(targets, options);
  if (options.check) return { outputs, stale: await staleOutputs(outputs) };
  if (outputs[0]?.path === '-') return { outputs, stdout: outputs[0].data };
  await writeOutputs(outputs, options.onWritten);
  return { outputs };
}

/**
 * Files that are not documents (the plans `import` writes, the repository `init` scaffolds) leave
 * by the same door: written as one set, a reader never seeing half a file.
 */
export async function deliverFiles(outputs: readonly Output[], onWritten?: (output: Output) => void): Promise<void> {
  await writeOutputs(outputs, onWritten);
}

/** One publication in one format, without placing it: for tests and callers that want the bytes alone. */
export async function publishDocument(publication: Publication, format: Exclude<OutputFormat, 'pdf'>): Promise<Uint8Array | string> {
  return FORMATS[format].emit!(prepareDocument(publication));
}

/**
 * What every format is made from, and from nothing else: the one place that converts a document
 * into the other script, and the one place that keeps characters no XML part may carry
 * (text/invalid-chars.ts) out of every format, whatever `invalid-char` is set to, and whether the
 * text came from the plan, a template or an attachment file. The Blocks are cleaned after parsing,
 * not the Markdown before it: taking a character out of Markdown could join two pieces of syntax
 * (`<VT>- 项` would become a list).
 */
function prepareDocument(publication: Publication): PreparedDocument {
  const { script } = publication;
  const labels = convertLabels((text) => finalWords(script, text));
  let document = { blocks: publication.blocks, meta: publication.meta, ...(publication.form ? { form: publication.form } : {}) };
  if (script.convert) document = convertText(document, script.convert);
  return { ...removeInvalidCharsDeep(document), labels };
}

/** Keys whose values are codes, not text. */
const CODES = new Set(['type', 'mode', 'orientation', 'date', 'pageNumbers', 'change', 'mark', 'author']);

/** Every text of the document through `convert` (a whole document into the other script). */
function convertText<T>(value: T, convert: (text: string) => string, key = ''): T {
  if (typeof value === 'string') return (CODES.has(key) ? value : convert(value)) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => convertText(v, convert)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertText(v, convert, k)])) as T;
  }
  return value;
}

/** Core-property date: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the document's own date. */
export function documentDate(isoDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * Output names of plan files, without the extension: the file name alone, unless two plans in
 * different folders share it (区甲/要点.yaml, 区乙/要点.yaml). Then every name keeps its folders
 * below the plans' common folder, so that no document silently overwrites another.
 */
export function outputNames(files: readonly string[]): Map<string, string> {
  const bare = (file: string) => path.basename(file).replace(/\.ya?ml$/i, '');
  const unique = [...new Set(files)];
  const seen = new Set<string>();
  const clash = unique.some((file) => seen.size === seen.add(bare(file).toLowerCase()).size);
  if (!clash) return new Map(unique.map((file) => [file, bare(file)]));
  const dirs = unique.map((file) => path.dirname(path.resolve(file)).split(path.sep));
  let common = dirs[0]!.length;
  for (const dir of dirs) {
    let i = 0;
    while (i < common && i < dir.length && dir[i] === dirs[0]![i]) i += 1;
    common = i;
  }
  return new Map(unique.map((file, k) => [file, path.join(...dirs[k]!.slice(common), bare(file))]));
}
