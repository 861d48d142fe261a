/**
 * bin/workplan.js keeps V8's compiled code of the bundle in a cache folder. The cache may only
 * make a run faster: missing, corrupt, unwritable or switched off, the command must do the same.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const EXAMPLE = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `wp-cache-${prefix}-`));
/** The one folder of this Node's cache files under a cache root. */
const filesIn = (root: string) => {
  const base = path.join(root, 'code-cache', `${process.version}-${process.arch}`);
  let names: string[] = [];
  try {
    names = readdirSync(base).sort();
  } catch {
    // No folder: nothing cached.
  }
  return { base, names };
};
const check = (env: Record<string, string>) => runCli(['check', EXAMPLE], { env });

describe('code cache', () => {
  const plain = check({ WORKPLAN_CODE_CACHE: '0' });

  it('is written on the first run, for the chunks that ran, and used unchanged on the next', () => {
    expect(plain.status).toBe(0);
    const root = tmp('fresh');
    const first = check({ WORKPLAN_CACHE_DIR: root });
    expect(first).toEqual(plain);
    const { base, names } = filesIn(root);
    // check loads the entry, the loader (yaml + zod) and the rules, never the renderer.
    expect(names.some((n) => /^main-[\w-]{8}\.cjs\.bin$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('publish-documents-'))).toBe(false);
    expect(names.every((n) => n.endsWith('.cjs.bin'))).toBe(true);
    const stamps = names.map((n) => statSync(path.join(base, n)).mtimeMs);

    const second = check({ WORKPLAN_CACHE_DIR: root });
    expect(second).toEqual(plain);
    // Accepted by V8, so nothing was written again.
    expect(filesIn(root).names).toEqual(names);
    expect(names.map((n) => statSync(path.join(base, n)).mtimeMs)).toEqual(stamps);
  });

  it('replaces data V8 rejects (corrupt files) and gives the same result', () => {
    const root = tmp('corrupt');
    check({ WORKPLAN_CACHE_DIR: root });
    const { base, names } = filesIn(root);
    for (const n of names) writeFileSync(path.join(base, n), 'not a code cache');
    expect(check({ WORKPLAN_CACHE_DIR: root })).toEqual(plain);
    for (const n of names) expect(readFileSync(path.join(base, n), 'utf8')).not.toBe('not a code cache');
  });

  it('drops the data of an older build of the same chunk when it writes', () => {
    const root = tmp('older');
    check({ WORKPLAN_CACHE_DIR: root });
    const { base, names } = filesIn(root);
    const model = names.find((n) => n.startsWith('model-'))!;
    const older = path.join(base, 'model-OLDBUILD.cjs.bin');
    writeFileSync(older, 'an older build');
    writeFileSync(path.join(base, model), 'corrupt, so this run writes');
    expect(check({ WORKPLAN_CACHE_DIR: root })).toEqual(plain);
    expect(filesIn(root).names).not.toContain('model-OLDBUILD.cjs.bin');
    expect(filesIn(root).names).toContain(model);
  });

  it('runs the same when the cache folder cannot be made (a file stands in its way)', () => {
    const blocker = path.join(tmp('blocked'), 'a-file');
    writeFileSync(blocker, '');
    expect(check({ WORKPLAN_CACHE_DIR: path.join(blocker, 'cache') })).toEqual(plain);
    expect(statSync(blocker).isFile()).toBe(true);
  });

  it('writes nothing with WORKPLAN_CODE_CACHE=0', () => {
    const root = tmp('off');
    expect(check({ WORKPLAN_CACHE_DIR: root, WORKPLAN_CODE_CACHE: '0' })).toEqual(plain);
    expect(filesIn(root).names).toEqual([]);
  });

  it('builds the same bytes with and without the cache', () => {
    const root = tmp('build');
    const out = tmp('build-out');
    const build = (name: string) => {
      const r = runCli(['build', EXAMPLE, '-o', path.join(out, name)], { env: { WORKPLAN_CACHE_DIR: root } });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(path.join(out, name));
    };
    const cold = build('cold.docx');
    expect(filesIn(root).names.some((n) => n.startsWith('publish-documents-'))).toBe(true);
    expect(build('warm.docx').equals(cold)).toBe(true);
  });
});
