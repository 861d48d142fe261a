/**
 * `build --to md,docx` killed with SIGKILL at random moments: every output is always a whole file
 * of one version, the set recovers to one version, and a later normal run leaves no debris.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { recoverLeftovers } from '../../src/system/output-leftovers.js';
import { BIN, ROOT, runCli } from '../helpers.js';

const RUNS = 30;
const OUTPUTS = ['plan.docx', 'plan.md'];
const BASIC = readFileSync(path.join(ROOT, 'test', 'fixtures', 'build', 'basic', 'plan.yaml'), 'utf8');
// Two versions of one plan, so old and new differ in every output.
const VERSIONS = [BASIC, BASIC.replace('各支部要结合实际抓好落实。', '各支部要对照要点逐项抓好落实，年底前报送总结。')];
const DEBRIS = /\.(tmp|journal)$/;

function buildInto(plan: string, out: string): void {
  const r = runCli(['build', plan, '--to', 'md,docx', '-o', out]);
  expect(r.status, r.stderr).toBe(0);
}

describe('build killed with SIGKILL', () => {
  it(`keeps every output whole over ${RUNS} kills and leaves nothing behind`, { timeout: 180_000 }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'wp-kill-'));
    const started = Date.now();
    const references = VERSIONS.map((text, v) => {
      const dir = path.join(work, `ref-${v}`);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'plan.yaml'), text);
      buildInto(path.join(dir, 'plan.yaml'), path.join(dir, 'out'));
      return new Map(OUTPUTS.map((name) => [name, readFileSync(path.join(dir, 'out', name))]));
    });
    // A reference build's length sets the window, so kills also land in the writing on a slow machine.
    const window = Math.max(800, ((Date.now() - started) / VERSIONS.length) * 1.1);
    for (const name of OUTPUTS) expect(references[0]!.get(name)!.equals(references[1]!.get(name)!), name).toBe(false);
    const versionOf = (name: string, bytes: Buffer) => references.findIndex((r) => r.get(name)!.equals(bytes));

    const plan = path.join(work, 'plan.yaml');
    const out = path.join(work, 'out');
    writeFileSync(plan, VERSIONS[0]!);
    buildInto(plan, out);

    let finished = 0;
    let interrupted = 0;
    for (let run = 0; run < RUNS; run++) {
      writeFileSync(plan, VERSIONS[(run + 1) % 2]!);
      const child = spawn(process.execPath, [BIN, 'build', plan, '--to', 'md,docx', '-o', out], { stdio: 'ignore' });
      const exited = once(child, 'exit');
      await sleep(Math.random() * window);
      child.kill('SIGKILL');
      const [code] = (await exited) as [number | null];
      if (code === 0) finished++;

      // Each file on its own: always a whole file of one version, never a mixture or a stub.
      for (const name of OUTPUTS) expect(versionOf(name, readFileSync(path.join(out, name))), `${name}，第 ${run + 1} 次`).not.toBe(-1);
      if (readdirSync(out).some((f) => DEBRIS.test(f))) interrupted++;

      // The set: what the next run makes of this folder has both files from the same version.
      const copy = path.join(work, `copy-${run}`);
      cpSync(out, copy, { recursive: true });
      await recoverLeftovers([copy]);
      expect(readdirSync(copy).sort(), `第 ${run + 1} 次`).toEqual(OUTPUTS);
      const [docx, md] = OUTPUTS.map((name) => versionOf(name, readFileSync(path.join(copy, name))));
      expect(docx, `第 ${run + 1} 次：两个文件应来自同一版本`).toBe(md);
    }

    // A normal run afterwards clears whatever the last kill left and writes the reference bytes.
    writeFileSync(plan, VERSIONS[1]!);
    buildInto(plan, out);
    expect(readdirSync(out).sort()).toEqual(OUTPUTS);
    for (const name of OUTPUTS) expect(readFileSync(path.join(out, name)).equals(references[1]!.get(name)!), name).toBe(true);
    console.info(`kill test: window ${Math.round(window)} ms, ${finished}/${RUNS} finished before the kill, ${interrupted} left temps or a journal`);
  });
});
