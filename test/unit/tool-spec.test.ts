/** Where init finds the spec of the running workplan: npm's hidden lockfile beside the package. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findToolSpec } from '../../src/pipeline/tool-spec.js';

/** prefix/node_modules/workplan with a hidden lockfile that says where it was resolved from. */
function fakeInstall(resolved: string | undefined): string {
  const prefix = mkdtempSync(path.join(tmpdir(), 'wp-tool-'));
  const root = path.join(prefix, 'node_modules', 'workplan');
  mkdirSync(root, { recursive: true });
  const entry = resolved === undefined ? { version: '0.1.0' } : { version: '0.1.0', resolved };
  writeFileSync(path.join(prefix, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/workplan': entry } }));
  return root;
}

describe('findToolSpec', () => {
  it('turns a tarball the lockfile names relative to the prefix into an absolute path', async () => {
    const root = fakeInstall('file:../dist/workplan-0.1.0.tgz');
    const prefix = path.dirname(path.dirname(root));
    expect(await findToolSpec('0.1.0', root)).toEqual({ spec: path.resolve(prefix, '../dist/workplan-0.1.0.tgz'), recorded: true });
  });

  it('gives the registry name at the version for the registry tarball, and git URLs as they are', async () => {
    expect(await findToolSpec('0.1.0', fakeInstall('https://registry.npmmirror.com/workplan/-/workplan-0.1.0.tgz'))).toEqual({ spec: 'workplan@0.1.0', recorded: true });
    const git = 'git+ssh://git@github.com/example/workplan.git#0123456789abcdef0123456789abcdef01234567';
    expect(await findToolSpec('0.1.0', fakeInstall(git))).toEqual({ spec: git, recorded: true });
  });

  it('falls back to the name at the version where npm kept no record (a global install, a clone)', async () => {
    expect(await findToolSpec('0.1.0', fakeInstall(undefined))).toEqual({ spec: 'workplan@0.1.0', recorded: false });
    expect(await findToolSpec('0.1.0', mkdtempSync(path.join(tmpdir(), 'wp-clone-')))).toEqual({ spec: 'workplan@0.1.0', recorded: false });
  });
});
