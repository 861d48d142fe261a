/**
 * Inline suppression in plan files:
 *   # workplan-disable-next-line rule-id[, rule-id]   the next line only
 *   # workplan-disable rule-id                          from here on (until # workplan-enable rule-id)
 * Without ids, every rule. Loader problems (YAML, schema) cannot be suppressed.
 *
 * And the mark `import` writes at the top of a plan whose source carried writing problems:
 *   # workplan-imported rule-id[, rule-id]            the whole file
 * Nothing is hidden by it: `check` reports those findings as ever (and fails in CI); only `build`
 * does not stop on them, so a plan just imported builds while its author cleans it up.
 */
export type IsSuppressed = (ruleId: string, line: number) => boolean;

const DIRECTIVE = /#\s*workplan-(disable-next-line|disable|enable)\b([^#\n\r]*)/;

const IMPORTED = /^#\s*workplan-imported\b([^#\n]*)/;

/** The rule ids the file's `# workplan-imported` lines name: findings carried from an imported source. */
export function parseImported(source: string): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const line of source.split('\n')) {
    const m = IMPORTED.exec(line.trim());
    if (m) for (const id of m[1]!.split(/[\s,]+/).filter(Boolean)) ids.add(id);
  }
  return ids;
}

export function parseSuppressions(source: string): IsSuppressed {
  const nextLine = new Map<number, Set<string> | 'all'>();
  const ranges: { ids: Set<string> | 'all'; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  // Lines end as YAML ends them: CR LF, LF or a lone CR.
  const lines = source.split(/\r\n?|\n/);
  lines.forEach((text, i) => {
    const m = DIRECTIVE.exec(text);
    if (!m) return;
    const line = i + 1;
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    const set: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    if (m[1] === 'disable-next-line') nextLine.set(line + 1, set);
    else if (m[1] === 'disable') for (const id of ids.length ? ids : ['*']) open.set(id, line);
    else {
      for (const id of ids.length ? ids : [...open.keys()]) {
        const from = open.get(id);
        if (from === undefined) continue;
        ranges.push({ ids: id === '*' ? 'all' : new Set([id]), from, to: line });
        open.delete(id);
      }
    }
  });
  for (const [id, from] of open) ranges.push({ ids: id === '*' ? 'all' : new Set([id]), from, to: lines.length + 1 });
  const covers = (ids: Set<string> | 'all', ruleId: string) => ids === 'all' || ids.has(ruleId);
  return (ruleId, line) => {
    const here = nextLine.get(line);
    if (here && covers(here, ruleId)) return true;
    return ranges.some((r) => line >= r.from && line <= r.to && covers(r.ids, ruleId));
  };
}
