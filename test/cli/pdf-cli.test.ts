/** build --to pdf without LibreOffice, and with --check: refused with exit 2 before anything is written. */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');

describe('build --to pdf where it cannot be made', () => {
  it('says how to install LibreOffice when soffice is missing, exits 2 and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-nosoffice-'));
    const out = path.join(dir, 'out');
    // An empty PATH: no soffice anywhere the tool looks on Linux.
    const r = runCli(['build', PLAN, '--to', 'docx,pdf', '-o', out], { env: { PATH: dir } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^workplan：--to pdf 要用 LibreOffice 转换，但没有找到 soffice。.*apt-get install libreoffice-writer-nogui.*Windows、macOS 上.*LibreOffice/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --check with pdf: no two conversions give the same bytes', () => {
    const r = runCli(['build', PLAN, '--to', 'pdf', '--check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PDF 每次转换都不同');
  });
});

/** Alive and not a zombie (a container's init may be slow to reap what was killed). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux')('build --to pdf with a soffice that misbehaves', () => {
  /** A folder holding a fake `soffice` shell script, to put on PATH. */
  function fakeSoffice(script: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-fake-soffice-'));
    writeFileSync(path.join(dir, 'soffice'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(dir, 'soffice'), 0o755);
    return dir;
  }

  it('stops a conversion that hangs (the launcher and its child), exits 2 and writes nothing', () => {
    // Like the real launcher, the script leaves the work to a child; both must be stopped.
    const bin = fakeSoffice('sleep 30 & echo $! > "$WP_CHILD_PID"; wait');
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-pdf-hang-'));
    const out = path.join(dir, 'out');
    const pidFile = path.join(dir, 'child.pid');
    const started = Date.now();
    const r = runCli(['build', PLAN, '--to', 'docx,pdf', '-o', out], {
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, WORKPLAN_PDF_TIMEOUT: '1', WP_CHILD_PID: pidFile },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('LibreOffice 转换 PDF 超过 1 秒仍未完成，已停止；没有写入任何文件');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
    expect(running(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('reports a conversion that made no PDF, with what soffice said', () => {
    const bin = fakeSoffice('echo "Error: source file could not be loaded" >&2; exit 0');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wp-pdf-none-')), 'out');
    const r = runCli(['build', PLAN, '--to', 'pdf', '-o', out], { env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('LibreOffice 没能把');
    expect(r.stderr).toContain('Error: source file could not be loaded');
    expect(existsSync(out)).toBe(false);
  });
});
