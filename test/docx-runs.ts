/** The runs of a WordprocessingML part, read with a strict XML parser: text and direct fonts. */
import { SaxesParser } from 'saxes';

export interface DocxRun {
  /** The run's text (w:t), as a reader sees it. */
  text: string;
  /** The run's own w:rPr/w:rFonts attributes (ascii, hAnsi, eastAsia, cs, hint), without the prefix. */
  fonts: Record<string, string>;
}

/** Every w:r of `xml`, nested ones (a text box in a footer) too, each with its own text. */
export function docxRuns(xml: string): DocxRun[] {
  const runs: DocxRun[] = [];
  const open: DocxRun[] = [];
  const names: string[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const parent = names[names.length - 1];
    const grand = names[names.length - 2];
    names.push(tag.name);
    if (tag.name === 'w:r') {
      const run: DocxRun = { text: '', fonts: {} };
      runs.push(run);
      open.push(run);
    } else if (tag.name === 'w:rFonts' && parent === 'w:rPr' && grand === 'w:r') {
      const run = open[open.length - 1]!;
      for (const [key, value] of Object.entries(tag.attributes)) run.fonts[key.replace(/^w:/, '')] = String(value);
    }
  });
  parser.on('text', (text) => {
    if (names[names.length - 1] === 'w:t' && open.length > 0) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', (tag) => {
    names.pop();
    if (tag.name === 'w:r') open.pop();
  });
  parser.write(xml).close();
  return runs;
}
