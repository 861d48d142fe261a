/** `workplan doctor`: inspectSystem → what this machine offers the documents, in Chinese or as JSON. */
import { inspectSystem, type SystemReport } from '../pipeline/inspect-system.js';

type FontStatus = SystemReport['fonts']['fonts'][number];
import { UsageError } from '../usage-error.js';
import { readVersion } from './version.js';

export interface DoctorOptions {
  format: string;
}

const MARKS: Record<FontStatus['effect'], string> = { installed: '✔', same: '≈', moves: '✖', unknown: '?' };

const METHODS = {
  fontconfig: '按 fontconfig（fc-list、fc-match）判断，LibreOffice 在这台机器上用的也是它',
  folders: '按系统字体目录中字体文件的名称判断',
  none: '这台机器上既没有 fontconfig，也没有找到字体目录',
} as const;

const HOW =
  '判断方法：正文行距是固定值（每页 22 行），字体的上下高度不影响行数，换行只取决于字宽。中文字体取常用汉字和全角标点的字宽，与原字体（一律 1 字宽）比较；' +
  'Times New Roman 取数字和字母的字宽与其原值比较。差异在一行中（28 个汉字，或约 12 个数字、字母）累计达到半个字时，认为可能移动换行。';

export async function runDoctor(options: DoctorOptions): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`未知的输出格式“${options.format}”，可用：text、json`);
  const report = await inspectSystem();
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  // doctor reports; failing a build over a missing font is --require-fonts's job.
  return 0;
}

/** Columns line up by display width: a Han character takes two cells. */
function pad(text: string, cells: number): string {
  const width = [...text].reduce((sum, c) => sum + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, cells - width));
}

function describeFont(font: FontStatus): string {
  const head = `  ${MARKS[font.effect]} ${pad(font.name, 18)}${font.roles}`;
  if (font.installed) return `${head}\n      已安装\n`;
  const instead = font.substitute ? `未安装，以 ${font.substitute.family} 代替：` : '';
  return `${head}\n      ${instead}${font.detail}\n`;
}

function formatReport(report: SystemReport): string {
  const { fonts, tools } = report;
  const lines: string[] = [`workplan ${readVersion()}（Node ${report.node}，${report.platform}）\n`];
  lines.push(`\n字体（文稿中指定的字体；${METHODS[fonts.method]}）\n`);
  if (fonts.folders) lines.push(`  字体目录：${fonts.folders.join('、')}\n`);
  for (const font of fonts.fonts) lines.push(describeFont(font));
  lines.push('\n软件\n');
  for (const tool of tools) {
    if (tool.path) lines.push(`  ✔ ${pad(`${tool.name} ${tool.version ?? '（版本未知）'}`, 22)}${tool.path}\n      ${tool.use}\n`);
    else lines.push(`  ✖ ${pad(tool.name, 22)}未找到\n      ${tool.use}；安装：${tool.install}\n`);
  }
  const missing = fonts.fonts.filter((f) => !f.installed);
  const count = (effect: FontStatus['effect']) => missing.filter((f) => f.effect === effect).length;
  const summary =
    missing.length === 0
      ? `文稿所用的 ${fonts.fonts.length} 种字体都已安装。`
      : `${fonts.fonts.length} 种字体中 ${missing.length} 种未安装：${count('same')} 种的替代字体换行不变，${count('moves')} 种可能移动换行，${count('unknown')} 种无法判断；` +
        'build --require-fonts 会以退出码 2 结束。用户的 Word、WPS 装有这些字体时，以其显示为准。';
  lines.push(`\n${summary}\n${HOW}\n`);
  return lines.join('');
}
