/**
 * Reproducible Office files (.docx, .xlsx): the writing libraries stamp the current time into the
 * core properties and the zip entries, and the docx library names relationships with random ids.
 * This rewrites all three from the input.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Zip entry time. DOS dates cannot go before 1980; this one is fixed and obviously synthetic. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 12, 0, 0));

/** A tag that mentions rId somewhere, and a random relationship id as the whole value of an id attribute (Id, r:id, r:embed…). */
const TAG_WITH_ID = /<[^<>]*rId[^<>]*>/g;
const RANDOM_ID = /(\s)(Id|r:[A-Za-z]+)="(rId[A-Za-z0-9_-]*[A-Za-z_-][A-Za-z0-9_-]*)"/g;

/** Edits to one part's XML, for what the docx library cannot express. */
export type PartPatches = Record<string, (xml: string) => string>;

/** A finished package, unzipped, normalised and zipped again (for writers that give only the zip). */
export function normalizePackage(bytes: Uint8Array, date: Date, patches: PartPatches = {}): Uint8Array {
  return zipParts(unzipPackage(bytes), date, patches);
}

/** A zipped package's parts by name. */
export function unzipPackage(bytes: Uint8Array): Map<string, string | Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/**
 * A package's parts (XML as text or bytes, media as bytes), normalised and zipped once: the one
 * compression pass, with pinned times and a fixed entry order.
 */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array>, date: Date, patches: PartPatches = {}): Uint8Array {
  const names = [...parts.keys()].sort(partOrder);
  const entries: Record<string, Uint8Array> = {};
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = parts.get(name)!;
    if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof data === 'string' ? data : strFromU8(data));
    else entries[name] = typeof data === 'string' ? strToU8(data) : data;
  }

  // Random relationship ids (rId followed by letters) → rIdW1, rIdW2… in order of first appearance.
  // Only attribute values inside tags: text never holds a bare < (every writer escapes it), so a
  // word of the document such as “ride” or a quoted "rIdx" in a cell is left as it is.
  const ids = new Map<string, string>();
  for (const name of names) {
    const text = texts.get(name);
    if (!text) continue;
    for (const [tag] of text.matchAll(TAG_WITH_ID)) {
      for (const m of tag.matchAll(RANDOM_ID)) if (!ids.has(m[3]!)) ids.set(m[3]!, `rIdW${ids.size + 1}`);
    }
  }
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: Zippable = {};
  for (const name of names) {
    let text = texts.get(name);
    if (text === undefined) {
      out[name] = [entries[name]!, { mtime: ZIP_TIME }];
      continue;
    }
    if (ids.size) {
      text = text.replace(TAG_WITH_ID, (tag) => tag.replace(RANDOM_ID, (value, space: string, name: string, id: string) => (ids.has(id) ? `${space}${name}="${ids.get(id)}"` : value)));
    }
    const patch = patches[name];
    if (patch) text = patch(text);
    if (name === 'docProps/core.xml') {
      text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`);
    }
    out[name] = [strToU8(text), { mtime: ZIP_TIME }];
  }
  return zipSync(out, { level: 6, mtime: ZIP_TIME });
}

/** [Content_Types].xml first, as Office writes it; then a stable order. */
function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n.startsWith('_rels/') ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
