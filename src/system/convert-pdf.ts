/**
 * `--to pdf`: the .docx the build made, converted by LibreOffice headless. The bytes come back to
 * the build, which writes them with the other outputs as one set; LibreOffice only ever writes
 * into a temporary folder of its own.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExecutable } from './find-executable.js';
import { UsageError } from '../usage-error.js';

/** LibreOffice's PDF export with empty pages kept (its default skips them). */
export const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** LibreOffice's first start with a fresh profile is slow; every further document adds its own time. */
const TIMEOUT_BASE_MS = 120_000;
const TIMEOUT_PER_DOCUMENT_MS = 20_000;

/** The time limit for a batch; WORKPLAN_PDF_TIMEOUT (seconds) overrides it for slow machines. */
function pdfTimeout(documents: number): number {
  const seconds = Number(process.env.WORKPLAN_PDF_TIMEOUT);
  if (process.env.WORKPLAN_PDF_TIMEOUT && Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return TIMEOUT_BASE_MS + TIMEOUT_PER_DOCUMENT_MS * documents;
}

export const SOFFICE_MISSING =
  '--to pdf 要用 LibreOffice 转换，但没有找到 soffice。请先安装：Debian/Ubuntu 上运行 sudo apt-get install libreoffice-writer-nogui；' +
  'Windows、macOS 上从 https://www.libreoffice.org/download/ 下载安装 LibreOffice（装在默认位置即可找到，否则请把 soffice 所在目录加入 PATH）';

/** Where LibreOffice puts soffice when it is not on PATH: the installers' default folders. */
function platformCandidates(): string[] {
  if (process.platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  if (process.platform === 'win32') {
    return [process.env.ProgramFiles, process.env['ProgramFiles(x86)']]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => path.join(dir, 'LibreOffice', 'program', 'soffice.exe'));
  }
  return [];
}

/** The soffice executable: on PATH first, then the installers' default places; undefined when absent. */
export function findSoffice(): string | undefined {
  return findExecutable(['soffice', 'libreoffice'], platformCandidates());
}

/** soffice, or the UsageError (exit 2) that says how to install it. */
export function requireSoffice(): string {
  const soffice = findSoffice();
  if (!soffice) throw new UsageError(SOFFICE_MISSING);
  return soffice;
}

export interface PdfSource {
  /** How messages name the document (the PDF's output path). */
  shown: string;
  docx: Uint8Array;
}

/**
 * Converts every document in one LibreOffice run (one start-up for the batch), with a user profile
 * of its own so that a running LibreOffice, a stale lock or a parallel build never interferes, and
 * a time limit after which the whole process group is stopped. Returns the PDFs in order.
 */
export async function convertToPdf(sources: readonly PdfSource[], soffice: string = requireSoffice()): Promise<Uint8Array[]> {
  if (sources.length === 0) return [];
  const work = await mkdtemp(path.join(tmpdir(), 'workplan-pdf-'));
  try {
    const input = path.join(work, 'in');
    const output = path.join(work, 'out');
    const profile = path.join(work, 'profile');
    // ASCII names: soffice's command line and the file system may disagree about other encodings.
    await mkdir(input);
    const files = sources.map((_, i) => path.join(input, `document-${i + 1}.docx`));
    await Promise.all(files.map((file, i) => writeFile(file, sources[i]!.docx)));
    const timeout = pdfTimeout(sources.length);
    // Blank pages stay: the one before an even-page 版记 is part of the printed document.
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', PDF_FILTER, '--outdir', output, ...files];
    const { code, stderr, timedOut } = await runSoffice(soffice, args, timeout);
    if (timedOut) throw new UsageError(`LibreOffice 转换 PDF 超过 ${Math.round(timeout / 1000)} 秒仍未完成，已停止；没有写入任何文件（慢的机器可设置环境变量 WORKPLAN_PDF_TIMEOUT=秒数）`);
    const pdfs: Uint8Array[] = [];
    for (const [i, file] of files.entries()) {
      const pdf = path.join(output, `${path.basename(file, '.docx')}.pdf`);
      // soffice exits 0 even when it could not load a file: the PDF being there is what counts.
      const data = await readFile(pdf).catch(() => undefined);
      if (!data) {
        const detail = stderr.trim() ? `：${stderr.trim().split('\n').slice(-3).join(' ')}` : code ? `（soffice 退出码 ${code}）` : '';
        throw new UsageError(`LibreOffice 没能把“${sources[i]!.shown}”转换为 PDF${detail}；没有写入任何文件`);
      }
      pdfs.push(data);
    }
    return pdfs;
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * soffice is a launcher: the real work happens in a child (soffice.bin). Starting it in a process
 * group of its own lets a timeout stop both. Being in its own group, it would not see the user's
 * Ctrl-C, so an interrupt stops the group too and is then passed on. Windows has no groups.
 */
function runSoffice(soffice: string, args: string[], timeout: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const grouped = process.platform !== 'win32';
    const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: grouped });
    let stderr = '';
    let timedOut = false;
    const stop = () => {
      try {
        if (grouped && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const interrupted = (signal: NodeJS.Signals) => {
      stop();
      release();
      process.kill(process.pid, signal);
    };
    const release = () => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeout);
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      release();
      reject(error.code === 'ENOENT' || error.code === 'EACCES' ? new UsageError(SOFFICE_MISSING) : error);
    });
    child.on('close', (code) => {
      release();
      resolve({ code, stderr, timedOut });
    });
  });
}
