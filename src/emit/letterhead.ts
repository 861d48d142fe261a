/** The 发文机关标志's joint form, shared by the emitters. */

/** The word that may follow the issuers' names in a 发文机关标志. */
export const LETTERHEAD_SUFFIX = '文件';

/**
 * Joint issuers with “文件” (GB/T 9704 §7.2.1): the plan lists the names, host first, and ends
 * the list with 文件. Returns the names and whether 文件 follows them.
 */
export function splitLetterhead(issuers: readonly string[]): { names: string[]; suffix: boolean } {
  const suffix = issuers.length >= 3 && issuers[issuers.length - 1] === LETTERHEAD_SUFFIX;
  return { names: suffix ? issuers.slice(0, -1) : [...issuers], suffix };
}
