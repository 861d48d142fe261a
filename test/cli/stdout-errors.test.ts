/** Issue 26: stdout that cannot take the output (a full disk, a closed pipe) ends the command cleanly. */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

const EXAMPLE = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');

/** Runs the built CLI with its stdout on the given file descriptor. */
function runInto(stdout: number, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr };
}

describe.runIf(existsSync('/dev/full'))('stdout on a full disk (/dev/full)', () => {
  for (const args of [
    ['build', EXAMPLE, '--to', 'md', '-o', '-'],
    ['check', path.join(ROOT, 'plans'), '--format', 'json'],
  ]) {
    it(`${args[0]} ${args.slice(2).join(' ')} exits 2 with a Chinese message, no stack trace`, () => {
      const full = openSync('/dev/full', 'w');
      const r = runInto(full, args);
      closeSync(full);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('workplan：无法写入标准输出：磁盘空间已满\n');
    });
  }
});

describe('stdout closed early', () => {
  it('build -o - | head: exits quietly with the build’s own code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-epipe-'));
    const plan = path.join(dir, 'big.yaml');
    // Large enough that the Markdown outruns the pipe's buffer after head has gone.
    writeFileSync(plan, execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-plan.mjs'), '1500'], { maxBuffer: 1 << 28 }));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" build "${plan}" --to md -o - | head -c 100 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('exit 0\n');
  });
});
