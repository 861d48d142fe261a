/**
 * The .xlsx task ledger opened by a real spreadsheet client: LibreOffice Calc saves it as CSV,
 * and its rows must be exactly the rows of workplan's own CSV (which tasks-cli.test.ts checks
 * against the plan's measures). Skips only when soffice is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { convertWithLibreOffice, renderUnavailable } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const why = renderUnavailable();

/** Python's csv module reads both files, so quoting differences between writers do not matter. */
function readCsv(file: string): string[][] {
  const r = spawnSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))))', file], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[][];
}

describe.skipIf(why !== undefined)('the .xlsx ledger read by LibreOffice Calc', () => {
  it.each([[[] as string[]], [['--unit', '区工商联']]])('has the same cells as the CSV (%j)', (extra) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-calc-'));
    for (const format of ['xlsx', 'csv']) {
      const r = runCli(['build', PLAN, '--doc', 'tasks', ...extra, '--to', format, '-o', path.join(dir, `tasks.${format}`)]);
      expect(r.status, r.stderr).toBe(0);
    }
    // Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8).
    const calc = convertWithLibreOffice(path.join(dir, 'tasks.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76', mkdtempSync(path.join(dir, 'calc-')));
    const fromCalc = readCsv(calc);
    const ours = readCsv(path.join(dir, 'tasks.csv'));
    expect(ours.length).toBeGreaterThan(1);
    expect(fromCalc).toEqual(ours);
    expect(readFileSync(calc, 'utf8')).toContain('序号');
  });
});
