/**
 * docs/cli.md is the CLI's own help: regenerating it from the commander program gives the committed
 * file, and each block is what the real binary prints for `workplan <command> --help`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';
import { ROOT, runCli } from '../helpers.js';

const REFERENCE = path.join(ROOT, 'docs', 'cli.md');
const GENERATOR = path.join(ROOT, 'scripts', 'cli-reference.mjs');

/** Every command's words after `workplan`: [] for the program, ['draft', 'speech'] for a subcommand. */
function commandWords(command: Command, words: string[] = []): string[][] {
  return [words, ...command.commands.flatMap((sub) => commandWords(sub, [...words, sub.name()]))];
}

/** The reference's blocks by heading: `workplan draft speech` → the text in its fence. */
function referenceBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const m of markdown.matchAll(/^## (workplan[^\n]*)\n\n```text\n([\s\S]*?)^```$/gm)) {
    expect(blocks.has(m[1]!), `docs/cli.md 中“${m[1]}”出现了两次`).toBe(false);
    blocks.set(m[1]!, m[2]!);
  }
  return blocks;
}

describe('the CLI reference (docs/cli.md)', () => {
  const committed = readFileSync(REFERENCE, 'utf8');

  it('is what scripts/cli-reference.mjs generates now (run `npm run cli-reference` after changing a help text)', () => {
    const r = spawnSync(process.execPath, [GENERATOR, '--stdout'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(committed);
  });

  it('has one block for every command and subcommand, and no other', () => {
    const titles = commandWords(createProgram()).map((words) => ['workplan', ...words].join(' '));
    expect(titles).toContain('workplan draft speech');
    expect([...referenceBlocks(committed).keys()]).toEqual(titles);
  });

  it('shows for each command exactly what `workplan <command> --help` prints', () => {
    const blocks = referenceBlocks(committed);
    for (const words of commandWords(createProgram())) {
      const title = ['workplan', ...words].join(' ');
      const r = runCli([...words, '--help']);
      expect(r.status, `${title} --help：${r.stderr}`).toBe(0);
      expect(r.stdout.length, title).toBeGreaterThan(0);
      // The sections added with addHelpText('after', …) are part of what a user sees.
      if (words.length === 0) expect(r.stdout).toContain('退出码：');
      expect(blocks.get(title), title).toBe(r.stdout);
    }
  });
});
