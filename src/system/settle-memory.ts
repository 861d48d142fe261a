/**
 * Peak memory of a large build. V8 collects lazily: a 5,000-measure plan leaves some 150 MB of
 * parser and renderer garbage on the heap, and the next stage grows the heap on top of it instead
 * of reusing it. Between stages, when the input is large, one full collection keeps the peak near
 * what is really in use (about 570 → 400 MB for that plan). Small plans never pay for it.
 *
 * Within a stage the same laziness holds: after a collection V8 lets the heap grow to as much as
 * four times what survived before it collects again, so a 10,000-measure build that keeps some
 * 120 MB in use reached 620 MB. For a large plan the heap is allowed to grow to twice what is in
 * use instead (V8's --heap-growing-percent, read at every collection): 620 → 430 MB for about 4%
 * more time.
 */
// node:v8 is loaded only for a large plan (process.getBuiltinModule), not imported: it costs a few
// ms of every start, and check loads this module.
const setFlags = (flags: string): void => process.getBuiltinModule('node:v8').setFlagsFromString(flags);

/** Below this much plan source (characters, about 1,300 measures), collecting costs more than it saves. */
const LARGE_INPUT_CHARS = 512 * 1024;

/** Plan bytes from which the heap grows by this percentage, not V8's own factor (up to 300%). */
const LARGE_INPUT_BYTES = 1024 * 1024;
const LARGE_HEAP_GROWING_PERCENT = 100;

let collect: (() => void) | null | undefined;
let heapSet = false;

/** Called with a plan's size before it is parsed: a large plan keeps the heap near what is in use. */
export function prepareHeapFor(bytes: number): void {
  if (bytes < LARGE_INPUT_BYTES || heapSet) return;
  heapSet = true;
  try {
    setFlags(`--heap-growing-percent=${LARGE_HEAP_GROWING_PERCENT}`);
  } catch {
    // A runtime that refuses the flag only costs memory.
  }
}

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    // The documented way to reach V8's collector without a command-line flag.
    setFlags('--expose-gc');
    const gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as unknown;
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects garbage between stages when the plans are large; a no-op otherwise. */
export function settleMemory(inputChars: number): void {
  if (inputChars < LARGE_INPUT_CHARS) return;
  collector()?.();
}
