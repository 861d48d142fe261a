/**
 * The fonts the documents name (GB/T 9704's faces and Times New Roman), whether this machine has
 * them, what stands in for each one that is missing, and whether the stand-in would move lines.
 *
 * The heuristic, and why it is enough: every paragraph has an exact line pitch (22 lines a page),
 * so a face's ascent and descent never change how many lines fit; only advance widths move line
 * breaks. A missing Chinese face is compared with the GB faces, where every Han character and
 * full-width punctuation mark is exactly 1 em; Times New Roman with its own widths of digits and
 * letters. A stand-in moves lines when its difference adds up to half a character on one line: a
 * body line holds 28 Han characters, and about 12 digits or letters (a date, a figure, a number).
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { FONT } from '../emit/docx/gbt9704.js';
import { measureFace, readFamilyNames } from './font-file.js';
import { UsageError } from '../usage-error.js';

export type FontRole = keyof typeof FONT;

/** What each face sets in the documents, in the words of the office that reads them. */
const ROLES: Record<FontRole, string> = {
  title: '标题、发文机关标志',
  body: '正文、三级以下标题、表格',
  heading1: '一级标题、“附件”、表头',
  heading2: '二级标题、发言单位、签发人',
  pageNumber: '页码',
  latin: '数字和西文',
};

export interface NamedFont {
  name: string;
  /** What it sets, joined when one face has several roles. */
  roles: string;
  script: 'cjk' | 'latin';
}

export type FontEffect = 'installed' | 'same' | 'moves' | 'unknown';

export interface FontStatus extends NamedFont {
  /** undefined when this machine gives no way to tell. */
  installed: boolean | undefined;
  /** The face used instead, as fontconfig chooses it (what LibreOffice gets too). */
  substitute?: { family: string; file: string };
  effect: FontEffect;
  /** Why, in a sentence (Chinese). */
  detail: string;
}

export interface FontInspection {
  /** fontconfig (fc-list, fc-match), the system's font folders, or nothing to ask. */
  method: 'fontconfig' | 'folders' | 'none';
  /** Folders read, when the method is `folders`. */
  folders?: string[];
  fonts: FontStatus[];
}

/** Half a character on one line, as the header explains. */
const MOVE_THRESHOLD_EM = 0.5;
const CJK_PER_LINE = 28;
const LATIN_PER_LINE = 12;

/** Common Han characters and the full-width punctuation of official prose. */
const CJK_SAMPLE = [...'国家统一战线工作要点各单位组织开展服务发展，。、；：？！“”‘’（）《》'];
const DIGITS = [...'0123456789'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** Times New Roman's advance widths (units of 2048 per em) for DIGITS and LETTERS. */
const TIMES_DIGITS = Array<number>(10).fill(1024);
const TIMES_LETTERS = [
  909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 1479, 1366,
  1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251,
];

/** Each face the documents name, once, with every role it plays. */
export function namedFonts(): NamedFont[] {
  const byName = new Map<string, NamedFont>();
  for (const [role, name] of Object.entries(FONT) as [FontRole, string][]) {
    const known = byName.get(name);
    if (known) known.roles += `、${ROLES[role]}`;
    else byName.set(name, { name, roles: ROLES[role] ?? role, script: role === 'latin' ? 'latin' : 'cjk' });
  }
  return [...byName.values()];
}

function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Installed or not, and for each missing face its stand-in and whether that moves lines. */
export async function inspectFonts(): Promise<FontInspection> {
  const fonts = namedFonts();
  const listed = await run('fc-list', ['--format', '%{family}\n']);
  if (listed !== undefined) {
    const families = new Set(listed.split('\n').flatMap((line) => line.split(',')).map(normalizeName));
    return { method: 'fontconfig', fonts: await Promise.all(fonts.map((font) => inspectWithFontconfig(font, families))) };
  }
  const folders = await existingFolders(systemFontFolders());
  if (folders.length === 0) {
    return { method: 'none', fonts: fonts.map((font) => ({ ...font, installed: undefined, effect: 'unknown', detail: '没有 fontconfig，也没有找到系统字体目录，无法判断' })) };
  }
  const families = new Set<string>();
  for (const file of await fontFiles(folders)) {
    for (const name of await readFamilyNames(file).catch(() => [])) families.add(normalizeName(name));
  }
  return {
    method: 'folders',
    folders,
    fonts: fonts.map((font): FontStatus => {
      if (families.has(normalizeName(font.name))) return { ...font, installed: true, effect: 'installed', detail: '已安装' };
      return { ...font, installed: false, effect: 'unknown', detail: '未安装：Word、WPS 会自行换用别的字体（无法预知是哪一种），换行可能与预期不同' };
    }),
  };
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

async function inspectWithFontconfig(font: NamedFont, families: Set<string>): Promise<FontStatus> {
  if (families.has(normalizeName(font.name))) return { ...font, installed: true, effect: 'installed', detail: '已安装' };
  // Chinese text asks fontconfig for a face that covers Chinese, as LibreOffice does for East Asian runs.
  const pattern = font.script === 'cjk' ? `${font.name}:lang=zh-cn` : font.name;
  const matched = await run('fc-match', ['--format', '%{family[0]}\t%{file}\t%{index}', pattern]);
  const [family, file, index] = (matched ?? '').split('\t');
  if (!family || !file) return { ...font, installed: false, effect: 'unknown', detail: '未安装，fontconfig 也没有给出替代字体' };
  const substitute = { family, file };
  try {
    const judged = font.script === 'cjk' ? await judgeCjk(file, Number(index) || 0) : await judgeLatin(file, Number(index) || 0);
    return { ...font, installed: false, substitute, ...judged };
  } catch {
    return { ...font, installed: false, substitute, effect: 'unknown', detail: `无法读取替代字体的字宽（${file}）` };
  }
}

async function judgeCjk(file: string, index: number): Promise<Pick<FontStatus, 'effect' | 'detail'>> {
  const { advances } = await measureFace(file, index, CJK_SAMPLE);
  const missing = CJK_SAMPLE.filter((_, i) => advances[i] === undefined);
  if (missing.length) return { effect: 'unknown', detail: `替代字体缺少“${missing.slice(0, 3).join('')}”等字形，这些字符再由别的字体显示，无法判断` };
  const drift = mean(advances.map((a) => Math.abs(a! - 1)));
  if (drift * CJK_PER_LINE >= MOVE_THRESHOLD_EM) {
    return { effect: 'moves', detail: `汉字和全角标点平均宽 ${formatEm(mean(advances as number[]))} 字（原字体为 1 字），一行 28 字累计差 ${formatEm(drift * CJK_PER_LINE)} 字，会移动换行` };
  }
  return { effect: 'same', detail: '汉字和全角标点同为 1 字宽，换行不变（字形不同，行距是固定值）' };
}

async function judgeLatin(file: string, index: number): Promise<Pick<FontStatus, 'effect' | 'detail'>> {
  const { advances } = await measureFace(file, index, [...DIGITS, ...LETTERS]);
  if (advances.some((a) => a === undefined)) return { effect: 'unknown', detail: '替代字体缺少部分数字或字母，无法判断' };
  const widths = advances as number[];
  const digits = widths.slice(0, DIGITS.length);
  const letters = widths.slice(DIGITS.length);
  const digitDrift = Math.abs(mean(digits) - mean(TIMES_DIGITS) / 2048);
  const letterDrift = Math.abs(mean(letters) - mean(TIMES_LETTERS) / 2048);
  const drift = Math.max(digitDrift, letterDrift);
  const percent = (d: number, reference: number[]) => `${((d / (mean(reference) / 2048)) * 100).toFixed(1)}%`;
  const sizes = `数字宽度相差 ${percent(digitDrift, TIMES_DIGITS)}，字母相差 ${percent(letterDrift, TIMES_LETTERS)}`;
  if (drift * LATIN_PER_LINE >= MOVE_THRESHOLD_EM) return { effect: 'moves', detail: `与 Times New Roman 的${sizes}，一行约 12 个数字、字母时累计超过半个字，可能移动换行` };
  return { effect: 'same', detail: `与 Times New Roman 度量几乎相同（${sizes}），换行不变` };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function formatEm(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, '') || '0';
}

/** Where Windows, macOS and Linux keep fonts, for machines without fontconfig. */
export function systemFontFolders(): string[] {
  const home = homedir();
  if (process.platform === 'win32') {
    return [path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(process.env.LOCALAPPDATA ? [path.join(process.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (process.platform === 'darwin') {
    return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', path.join(home, 'Library', 'Fonts')];
  }
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.local', 'share', 'fonts'), path.join(home, '.fonts')];
}

async function existingFolders(folders: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) if (await readdir(folder).then(() => true, () => false)) found.push(folder);
  return found;
}

/** Font files under the folders (a few levels deep: Linux sorts fonts into subfolders). */
export async function fontFiles(folders: readonly string[], depth = 4): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string, level: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && level < depth) await walk(full, level + 1);
      else if (entry.isFile() && /\.(ttf|otf|ttc)$/i.test(entry.name)) files.push(full);
    }
  };
  for (const folder of new Set(folders)) await walk(folder, 0);
  return files;
}

/** `build --require-fonts`: a UsageError (exit 2) naming each face that would be stood in for. */
export async function requireFonts(): Promise<void> {
  const { method, fonts } = await inspectFonts();
  if (method === 'none') throw new UsageError('--require-fonts：没有 fontconfig（fc-list），也没有找到系统字体目录，无法确认文稿所用的字体已经安装');
  const missing = fonts.filter((font) => !font.installed);
  if (missing.length === 0) return;
  const list = missing.map((font) => (font.substitute ? `${font.name}（将以 ${font.substitute.family} 代替）` : font.name)).join('、');
  throw new UsageError(`--require-fonts：文稿所用的这些字体没有安装：${list}。请安装后再生成（workplan doctor 列出详情），或去掉 --require-fonts`);
}
