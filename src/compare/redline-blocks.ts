/**
 * A redline: the Blocks of the new version with the differences from an old version as tracked
 * changes (`build --redline`). Blocks are lined up as a whole first (a block that did not change
 * stays as it is); within a stretch that changed, old and new blocks of the same kind are paired
 * by their text's likeness, and a paired paragraph, heading or table cell is compared word by
 * word. A block with no partner is a deletion or an insertion, paragraph mark included, so that
 * accepting every change gives the new document and rejecting every change the old one. A measure
 * moved elsewhere is therefore a deletion where it stood and an insertion where it stands now.
 *
 * The frame (版头, 版记, 附件说明, a speech's byline) is laid out by rules that have no place for a
 * 修订 mark; a change there is kept as the new version has it and named in `unmarked`.
 */
import { diffArrays } from 'diff';
import type { Block, Change, RowChange, Run } from '../markdown/blocks.js';
import { bigramSet, dice } from './similarity.js';

export interface Redline {
  blocks: Block[];
  /** The parts of the frame that changed but carry no 修订 mark (kept as the new version has them). */
  unmarked: string[];
}

/** Paired below this likeness, two texts are one deleted and one inserted, not one reworded. */
const PAIR_LIKENESS = 0.4;
/** A changed stretch of more old × new blocks than this is not paired (the work would grow with their product). */
const MAX_PAIRING_CELLS = 1_000_000;
/** Past this many edits the block-level diff gives up: the whole document is then one changed stretch. */
const MAX_EDIT_LENGTH = 5_000;

const FRAME_NAMES: Partial<Record<Block['type'], string>> = {
  letterhead: '发文机关标志',
  docnumber: '发文字号',
  imprint: '版记',
  attachments: '附件说明',
  attachment: '附件标题',
  byline: '发言人和日期',
  signature: '署名和成文日期',
};

type TextBlock = Extract<Block, { type: 'title' | 'heading' | 'flush' | 'note' }>;
type TableBlock = Extract<Block, { type: 'table' }>;

const isTextBlock = (block: Block): block is TextBlock =>
  block.type === 'title' || block.type === 'heading' || block.type === 'flush' || block.type === 'note';

/** The runs a block reads as (for the word diff): a paragraph's own, else its text as one run. */
function runsOf(block: TextBlock | Extract<Block, { type: 'paragraph' }>): Run[] {
  return block.type === 'paragraph' ? block.runs : [{ text: block.text }];
}

function textOf(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.runs.map((r) => r.text).join('');
    case 'title':
    case 'heading':
    case 'flush':
    case 'note':
      return block.text;
    case 'table':
      return block.rows.map((row) => row.join('')).join('');
    default:
      return '';
  }
}

const keyOf = (block: Block): string => JSON.stringify(block);

/** The old and the new blocks of the redline, everything that did not change kept as it is. */
export function redlineBlocks(old: readonly Block[], now: readonly Block[]): Redline {
  const out: Block[] = [];
  const unmarked = new Set<string>();
  const changes = diffArrays(old.map(keyOf), now.map(keyOf), { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: old.map(keyOf), removed: true, added: false, count: old.length },
    { value: now.map(keyOf), removed: false, added: true, count: now.length },
  ];
  let i = 0;
  let j = 0;
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    if (removed.length || added.length) redlineStretch(removed, added, out, unmarked);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      removed.push(...old.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...now.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (const block of now.slice(j, j + count)) out.push(block);
      i += count;
      j += count;
    }
  }
  flush();
  return { blocks: out, unmarked: [...unmarked] };
}

/** How alike two blocks are for pairing (0: never paired). */
function likeness(a: Block, b: Block): number {
  if (a.type !== b.type) return 0;
  if (a.type === 'table' && b.type === 'table') return a.header.length === b.header.length ? 1 : 0;
  if (a.type === 'paragraph' || isTextBlock(a)) {
    const score = dice(bigramSet(textOf(a)), bigramSet(textOf(b)));
    return score >= PAIR_LIKENESS ? score : 0;
  }
  // A frame block changes in place: there is one of each.
  return 1;
}

/**
 * The pairs of a changed stretch that keep both orders and are most alike in total
 * (Needleman–Wunsch with no cost for a gap), as [old index, new index] in order.
 */
export function pairInOrder<T>(old: readonly T[], now: readonly T[], score: (a: T, b: T) => number): [number, number][] {
  if (old.length === 0 || now.length === 0) return [];
  if (old.length * now.length > MAX_PAIRING_CELLS) return [];
  const width = now.length + 1;
  const best = new Float64Array((old.length + 1) * width);
  for (let a = old.length - 1; a >= 0; a--) {
    for (let b = now.length - 1; b >= 0; b--) {
      const s = score(old[a]!, now[b]!);
      const take = s > 0 ? s + best[(a + 1) * width + b + 1]! : 0;
      best[a * width + b] = Math.max(take, best[(a + 1) * width + b]!, best[a * width + b + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let a = 0;
  let b = 0;
  while (a < old.length && b < now.length) {
    const here = best[a * width + b]!;
    const s = score(old[a]!, now[b]!);
    if (s > 0 && here === s + best[(a + 1) * width + b + 1]!) pairs.push([a++, b++]);
    else if (here === best[(a + 1) * width + b]!) a++;
    else b++;
  }
  return pairs;
}

function redlineStretch(old: Block[], now: Block[], out: Block[], unmarked: Set<string>): void {
  const pairs = pairInOrder(old, now, likeness);
  let a = 0;
  let b = 0;
  for (const [pa, pb] of [...pairs, [old.length, now.length] as [number, number]]) {
    // What has no partner: the deletions where they stood, then the insertions.
    for (; a < pa; a++) deleted(old[a]!, out, unmarked);
    for (; b < pb; b++) inserted(now[b]!, out, unmarked);
    if (pa < old.length) out.push(revised(old[pa]!, now[pb]!, unmarked));
    a = pa + 1;
    b = pb + 1;
  }
}

const marked = (runs: readonly Run[], change: Change): Run[] => runs.filter((r) => r.text !== '').map((r) => ({ ...r, change }));

function wholly(block: Block, change: Change): Block | undefined {
  if (block.type === 'paragraph') return { ...block, runs: marked(block.runs, change), mark: change };
  // An attachment added or removed: its head marked as a whole; the page section it opens is kept
  // either way, so its table lies on the page it was laid out on (a section break carries no 修订 mark).
  if (block.type === 'attachment') return { ...block, mark: change };
  if (block.type === 'section') return block;
  if (isTextBlock(block)) return { ...block, runs: marked(runsOf(block), change), mark: change };
  if (block.type === 'table') {
    const whole = (row: string[]): RowChange => ({ cells: row.map((cell) => marked([{ text: cell }], change)), mark: change });
    return { ...block, changes: block.rows.map(whole), headerChange: whole(block.header) };
  }
  return undefined;
}

function deleted(block: Block, out: Block[], unmarked: Set<string>): void {
  const shown = wholly(block, 'del');
  if (shown) out.push(shown);
  else noteFrame(block, unmarked);
}

function inserted(block: Block, out: Block[], unmarked: Set<string>): void {
  const shown = wholly(block, 'ins');
  out.push(shown ?? block);
  if (!shown) noteFrame(block, unmarked);
}

function noteFrame(block: Block, unmarked: Set<string>): void {
  const name = FRAME_NAMES[block.type];
  if (name) unmarked.add(name);
  if (block.type === 'table') unmarked.add('表头');
}

/** A paired block: the new one, with its differences from the old one word by word. */
function revised(old: Block, now: Block, unmarked: Set<string>): Block {
  if (now.type === 'paragraph' && old.type === 'paragraph') return { ...now, runs: diffRuns(old.runs, now.runs) };
  if (isTextBlock(now) && isTextBlock(old)) return { ...now, runs: diffRuns(runsOf(old), runsOf(now)) };
  if (now.type === 'table' && old.type === 'table') return revisedTable(old, now, unmarked);
  if (now.type === 'signature' && old.type === 'signature' && now.seal === old.seal) {
    return { ...now, changes: { signature: diffRuns([{ text: old.signature }], [{ text: now.signature }]), date: diffRuns([{ text: old.date }], [{ text: now.date }]) } };
  }
  noteFrame(now, unmarked);
  return now;
}

/** Rows lined up as blocks are; a paired row is compared cell by cell. `rows` then holds the deleted rows too. */
function revisedTable(old: TableBlock, now: TableBlock, unmarked: Set<string>): TableBlock {
  if (old.header.join('\u0000') !== now.header.join('\u0000')) unmarked.add('表头');
  const rows: string[][] = [];
  const changes: RowChange[] = [];
  const plain = (row: string[]) => ({ cells: row.map((cell) => (cell ? [{ text: cell }] : [])) });
  const wholeRow = (row: string[], change: Change) => {
    rows.push(row);
    changes.push({ cells: row.map((cell) => marked([{ text: cell }], change)), mark: change });
  };
  const parts = diffArrays(old.rows.map((r) => JSON.stringify(r)), now.rows.map((r) => JSON.stringify(r)), { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: [], removed: true, added: false, count: old.rows.length },
    { value: [], removed: false, added: true, count: now.rows.length },
  ];
  let i = 0;
  let j = 0;
  let gone: string[][] = [];
  let come: string[][] = [];
  const settle = () => {
    const rowText = (row: string[]) => bigramSet(row.join(''));
    const pairs = pairInOrder(gone, come, (a, b) => {
      if (a.length !== b.length) return 0;
      const score = dice(rowText(a), rowText(b));
      return score >= PAIR_LIKENESS ? score : 0;
    });
    let a = 0;
    let b = 0;
    for (const [pa, pb] of [...pairs, [gone.length, come.length] as [number, number]]) {
      for (; a < pa; a++) wholeRow(gone[a]!, 'del');
      for (; b < pb; b++) wholeRow(come[b]!, 'ins');
      if (pa < gone.length) {
        const before = gone[pa]!;
        const after = come[pb]!;
        rows.push(after);
        changes.push({ cells: after.map((cell, c) => diffRuns([{ text: before[c] ?? '' }], [{ text: cell }])) });
      }
      a = pa + 1;
      b = pb + 1;
    }
    gone = [];
    come = [];
  };
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      gone.push(...old.rows.slice(i, i + count));
      i += count;
    } else if (part.added) {
      come.push(...now.rows.slice(j, j + count));
      j += count;
    } else {
      settle();
      for (const row of now.rows.slice(j, j + count)) {
        rows.push(row);
        changes.push(plain(row));
      }
      i += count;
      j += count;
    }
  }
  settle();
  return { ...now, rows, changes };
}

interface Token {
  text: string;
  bold: boolean;
}

const WORDS = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Words (ICU's dictionary segmentation of Chinese), each with the boldness of its run. */
function tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  for (const run of runs) for (const { segment } of WORDS.segment(run.text)) out.push({ text: segment, bold: run.bold ?? false });
  return out;
}

/** The new runs with the old ones' differences word by word: kept, deleted and inserted runs. */
export function diffRuns(old: readonly Run[], now: readonly Run[]): Run[] {
  const parts = diffArrays(tokens(old), tokens(now), { comparator: (a, b) => a.text === b.text && a.bold === b.bold });
  const out: Run[] = [];
  for (const part of parts) {
    const change: Change | undefined = part.added ? 'ins' : part.removed ? 'del' : undefined;
    for (const token of part.value) {
      const last = out[out.length - 1];
      if (last && last.change === change && (last.bold ?? false) === token.bold) last.text += token.text;
      else out.push({ text: token.text, ...(token.bold ? { bold: true } : {}), ...(change ? { change } : {}) });
    }
  }
  return out;
}
