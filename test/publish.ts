/** Tests publish a rendered document the way every command does: through the publishing stage. */
import type { PageNumberPlacement } from '../src/emit/docx/footers.js';
import type { Block } from '../src/markdown/blocks.js';
import { publishDocument } from '../src/pipeline/publish-documents.js';
import { HANS, type ScriptChoice } from '../src/text/script.js';

interface Rendered {
  blocks: readonly Block[];
  meta: { title: string; creator: string; date: string };
}

export async function publishAs(rendered: Rendered, format: 'md', script?: ScriptChoice, pageNumbers?: PageNumberPlacement): Promise<string>;
export async function publishAs(rendered: Rendered, format: 'docx' | 'xlsx', script?: ScriptChoice, pageNumbers?: PageNumberPlacement): Promise<Uint8Array>;
export async function publishAs(rendered: Rendered, format: 'csv', script?: ScriptChoice, pageNumbers?: PageNumberPlacement): Promise<string>;
export async function publishAs(rendered: Rendered, format: 'md' | 'docx' | 'xlsx' | 'csv', script: ScriptChoice = HANS, pageNumbers: PageNumberPlacement = 'outside'): Promise<string | Uint8Array> {
  return publishDocument({ name: 'plan', blocks: rendered.blocks, meta: { ...rendered.meta, pageNumbers }, script, formats: [format] }, format);
}
