/**
 * --fix never loses a character (property): random Chinese text full of half-width punctuation is
 * written by the yaml library in every scalar style (plain, single- and double-quoted, literal,
 * folded), wrapped at random widths, with LF or CRLF. Every --fix either leaves the file as it was
 * or changes nothing but the intended replacements, and a second --fix has nothing to do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, Scalar } from 'yaml';
import { type CheckedPlan, type CheckResult } from '../../src/pipeline/check-plans.js';
import { fixPlans } from '../../src/pipeline/fix-plans.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { punctuationEdits } from '../../src/rules/punctuation-width.js';
import { runRules } from '../../src/rules/run-rules.js';

const PIECES = ['统战', '工作', '要求', '推进', '中', ',', ', ', ':', ';', '?', '!', '(', ')', '"', "'", '...', '--', '。', '，', '1,000', '9:30', 'a', 'b', ' ', '#', '-', '：', '\\'];
const textArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.join('').trim())
  .filter((s) => /\p{Script=Han}/u.test(s));
const STYLES = [Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;

function planText(guidance: string, conclusion: string, style: (typeof STYLES)[number], width: number, crlf: boolean): string {
  const doc = new Document({
    title: '二〇二五年工作要点',
    date: '2025-01-10',
    guidance,
    sections: [{ title: '第一部分', measures: [{ title: '开展调研', lead: '区委统战部' }] }],
    conclusion,
  });
  for (const key of ['guidance', 'conclusion']) (doc.get(key, true) as Scalar).type = style;
  const text = doc.toString({ lineWidth: width, minContentWidth: 0 });
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

function checked(text: string): CheckResult {
  const { loaded } = parsePlan('plan.yaml', new TextEncoder().encode(text));
  if (!loaded) throw new Error('the generated plan does not load');
  const plan: CheckedPlan = { file: 'plan.yaml', shown: 'plan.yaml', root: '/', config: { config: {}, diagnostics: [] }, loaded, edits: runRules(loaded, {}).edits };
  return { plans: [plan], diagnostics: [] };
}

/** What fixing means for one value, whatever the style: every half-width mark made full-width. */
function normalize(value: string): string {
  let out = value;
  for (let pass = 0; pass < 10; pass++) {
    const edits = punctuationEdits(out);
    if (edits.length === 0) break;
    for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  // A fix may keep the one space after a mark where that space is a line fold in the source.
  return out.replace(/([，：；？！）])\x20(?=\S)/gu, "$1");
}

/** 300 in npm test; more with FIX_PROPERTY_RUNS=20000 for a longer search. */
const RUNS = Number(process.env.FIX_PROPERTY_RUNS ?? 300);

describe('--fix (property)', () => {
  it('changes nothing but the intended replacements, in every scalar style, and is idempotent', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.constantFrom(...STYLES), fc.integer({ min: 8, max: 60 }), fc.boolean(), (guidance, conclusion, style, width, crlf) => {
        const before = planText(guidance, conclusion, style, width, crlf);
        const old = parse(before) as Record<string, unknown>;
        const { fixes, diagnostics } = fixPlans(checked(before));
        const after = fixes[0]?.after ?? before;
        if (after === before) return;
        const now = parse(after) as Record<string, unknown>;
        for (const key of ['guidance', 'conclusion']) {
          expect(normalize(now[key] as string), `${key} in ${JSON.stringify(after)}`).toBe(normalize(old[key] as string));
        }
        expect({ ...now, guidance: 0, conclusion: 0 }).toEqual({ ...old, guidance: 0, conclusion: 0 });
        // The second --fix has nothing to do.
        const again = fixPlans(checked(after));
        expect(again.fixes, `second fix of ${JSON.stringify(after)}`).toEqual([]);
        expect(again.diagnostics.length).toBeLessThanOrEqual(diagnostics.length);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 20 + 30_000);
});
