/**
 * Where each character of a YAML string value stands in the source. A value is not a slice of the
 * file: plain and quoted scalars fold line breaks and indentation into spaces, '' stands for ' in
 * single quotes, escapes stand for characters in double quotes, and block scalars drop their
 * indentation. Rules point at characters and --fix edits them, so both need this map.
 *
 * The map is found by walking the value and the source together; a character is `verbatim` when
 * the source holds exactly that character at that place. Escapes are checked by letting the yaml
 * library decode them, never by a decoder of our own.
 */
import { parse, Scalar } from 'yaml';

export interface ScalarSourceMap {
  /** Source offset of each UTF-16 unit of the value (for folded whitespace: where the fold starts). */
  offsets: number[];
  /** The source holds this very character here, so an edit may replace it in place. */
  verbatim: boolean[];
}

const cache = new WeakMap<Scalar, ScalarSourceMap | null>();

/** The map for a string scalar of `source`, or undefined when value and source cannot be aligned. */
export function mapScalarSource(source: string, node: Scalar): ScalarSourceMap | undefined {
  if (!cache.has(node)) cache.set(node, alignScalar(source, node) ?? null);
  return cache.get(node) ?? undefined;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Where the line holding `from` ends: at LF, or at a lone CR, which YAML also takes as a line end. */
export function lineEndAfter(source: string, from: number): number {
  for (let i = from; i < source.length; i++) if (source[i] === '\n' || source[i] === '\r') return source[i] === '\r' && source[i + 1] === '\n' ? i + 1 : i;
  return -1;
}

function alignScalar(source: string, node: Scalar): ScalarSourceMap | undefined {
  if (typeof node.value !== 'string' || !node.range) return undefined;
  const value = node.value;
  const [begin, valueEnd] = node.range;
  const double = node.type === Scalar.QUOTE_DOUBLE;
  const single = node.type === Scalar.QUOTE_SINGLE;
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  let p = begin;
  let end = valueEnd;
  if (double || single) {
    p = begin + 1;
    end = valueEnd - 1;
  } else if (block) {
    const header = lineEndAfter(source, begin);
    if (header < 0 || header >= valueEnd) return value === '' ? { offsets: [], verbatim: [] } : undefined;
    p = header + 1;
  }
  // A line break escaped with a backslash inside double quotes is formatting, like a fold.
  const formattingAt = (at: number): number => {
    if (isBlank(source[at])) return 1;
    if (double && source[at] === '\\' && (source[at + 1] === '\n' || source[at + 1] === '\r')) return 2;
    return 0;
  };

  const offsets: number[] = new Array(value.length);
  const verbatim: boolean[] = new Array(value.length);
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    // The value has no whitespace here, so whitespace in the source is indentation or a fold.
    if (!isBlank(c)) for (let step = formattingAt(p); step > 0 && p < end; step = formattingAt(p)) p += step;
    if (double && source[p] === '\\' && formattingAt(p) === 0) {
      const sequence = escapeAt(source, p);
      const decoded = sequence === undefined ? undefined : decodeEscape(sequence);
      if (decoded === undefined || value.slice(i, i + decoded.length) !== decoded) return undefined;
      for (let k = 0; k < decoded.length; k++) {
        offsets[i + k] = p;
        verbatim[i + k] = false;
      }
      i += decoded.length;
      p += sequence!.length;
      continue;
    }
    if (single && c === "'" && source.startsWith("''", p)) {
      offsets[i] = p;
      verbatim[i] = false;
      i += 1;
      p += 2;
      continue;
    }
    if (isBlank(c)) {
      // A run of whitespace in the value stands for a run of whitespace in the source, which
      // may be a fold (line break and indentation) rather than the same characters.
      let j = i;
      while (j < value.length && isBlank(value[j])) j++;
      let q = p;
      for (let step = formattingAt(q); step > 0 && q < end; step = formattingAt(q)) q += step;
      if (q === p) return undefined;
      const same = source.slice(p, q) === value.slice(i, j);
      for (let k = i; k < j; k++) {
        offsets[k] = same ? p + (k - i) : p;
        verbatim[k] = same;
      }
      i = j;
      p = q;
      continue;
    }
    if (source[p] !== c) return undefined;
    offsets[i] = p;
    verbatim[i] = true;
    i += 1;
    p += 1;
  }
  return { offsets, verbatim };
}

/** What an escape sequence stands for, as the yaml library reads it; undefined when it is not one. */
function decodeEscape(sequence: string): string | undefined {
  try {
    const decoded = parse(`"${sequence}"`) as unknown;
    return typeof decoded === 'string' ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** The escape sequence starting at a backslash: \xHH, \uHHHH, \UHHHHHHHH or one character. */
function escapeAt(source: string, at: number): string | undefined {
  const kind = source[at + 1];
  if (kind === undefined) return undefined;
  const length = kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
  return source.slice(at, at + length);
}
