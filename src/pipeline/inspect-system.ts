/**
 * `workplan doctor`, as an engine: what this machine offers the documents. The fonts they name
 * (inspect-fonts.ts), LibreOffice for `--to pdf` and the render checks, and pandoc, an independent
 * .docx reader. It only looks; nothing here changes the machine.
 */
import { execFile } from 'node:child_process';
import { findSoffice } from '../system/convert-pdf.js';
import { findExecutable } from '../system/find-executable.js';
import { type FontInspection, inspectFonts } from '../system/inspect-fonts.js';

export interface ToolStatus {
  name: 'LibreOffice' | 'pandoc';
  /** The executable, when found. */
  path?: string;
  version?: string;
  /** What workplan uses it for (Chinese). */
  use: string;
  /** How to install it (Chinese). */
  install: string;
}

export interface SystemReport {
  node: string;
  platform: string;
  fonts: FontInspection;
  tools: ToolStatus[];
}

function versionOf(command: string, pattern: RegExp): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, ['--version'], { encoding: 'utf8', timeout: 60_000 }, (error, stdout) => resolve(error ? undefined : pattern.exec(stdout)?.[1]));
  });
}

async function inspectTool(name: ToolStatus['name'], file: string | undefined, pattern: RegExp, about: Pick<ToolStatus, 'use' | 'install'>): Promise<ToolStatus> {
  if (!file) return { name, ...about };
  const version = await versionOf(file, pattern);
  return { name, path: file, ...(version ? { version } : {}), ...about };
}

export async function inspectSystem(): Promise<SystemReport> {
  const [fonts, libreoffice, pandoc] = await Promise.all([
    inspectFonts(),
    inspectTool('LibreOffice', findSoffice(), /LibreOffice\s+([\d.]+)/, {
      use: 'build --to pdf，以及测试中的渲染检查',
      install: 'Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui；Windows、macOS：从 https://www.libreoffice.org/download/ 安装',
    }),
    inspectTool('pandoc', findExecutable(['pandoc']), /pandoc(?:\.exe)?\s+([\d.]+)/, {
      use: '可选：测试中独立读回 .docx',
      install: 'Debian/Ubuntu：sudo apt-get install pandoc；其他系统见 https://pandoc.org/installing.html',
    }),
  ]);
  return { node: process.version, platform: `${process.platform} ${process.arch}`, fonts, tools: [libreoffice, pandoc] };
}
