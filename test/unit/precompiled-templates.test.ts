/**
 * The built-in templates are precompiled at npm run build; render-template.ts falls back to
 * compiling at run time whenever a source differs, so a stale copy would cost time, not output.
 * These checks keep the copy current and show both paths render the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRECOMPILED_PARTIALS, PRECOMPILED_TEMPLATES } from '../../src/render/precompiled-templates.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate } from '../../src/render/render-template.js';
import { ROOT } from '../helpers.js';

const hbs = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.hbs')).sort();

describe('precompiled built-in templates', () => {
  it('hold exactly the sources in templates/ and templates/partials/', () => {
    const dir = path.join(ROOT, 'templates');
    expect(Object.keys(PRECOMPILED_TEMPLATES).sort()).toEqual(hbs(dir));
    for (const name of hbs(dir)) expect(PRECOMPILED_TEMPLATES[name]!.source).toBe(readFileSync(path.join(dir, name), 'utf8'));
    const partials = path.join(dir, 'partials');
    expect(Object.keys(PRECOMPILED_PARTIALS).sort()).toEqual(hbs(partials).map((n) => n.replace(/\.md\.hbs$/, '')));
    for (const name of hbs(partials)) expect(PRECOMPILED_PARTIALS[name.replace(/\.md\.hbs$/, '')]!.source).toBe(readFileSync(path.join(partials, name), 'utf8'));
  });

  it('render what the same sources compiled at run time render, strict mode included', async () => {
    const builtin = await loadTemplateSet([BUILTIN_TEMPLATES]);
    // A copy whose template differs by a trailing comment is compiled at run time.
    const compiled = await loadTemplateSet([BUILTIN_TEMPLATES]);
    const source = compiled.templates.get('status.md.hbs')!;
    compiled.templates.set('status.md.hbs', { ...source, source: `${source.source}{{!-- x --}}` });
    const view = { title: '标题*强调*', recipients: [] };
    const render = (set: typeof builtin) => {
      try {
        return renderTemplate(set, 'status.md.hbs', view);
      } catch (error) {
        return String(error).replace(/模板 \S+ /, '模板 ');
      }
    };
    // Strict mode: the missing field is an error on both paths, with the same message.
    expect(render(builtin)).toMatch(/"summary" not defined/);
    expect(render(builtin)).toBe(render(compiled));
  });
});
