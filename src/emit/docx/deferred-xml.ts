/**
 * Parts of the body that are made and written a run at a time, so a long document never holds all
 * its paragraphs, or a long table all its rows, as objects at once.
 *
 * The docx library keeps every paragraph, run and property as an object, turns the whole body into
 * a second tree of plain objects, resolves that into a third and only then writes text: for a plan
 * of 10,000 measures the three passed 450 MB for 12 MB of XML, and a 分工表 of 10,000 rows took
 * 2.8 GB. A deferred run instead makes its components when the body is written, has the library
 * turn them into its plain objects (every element and property is still the library's), writes
 * those with the `xml` package (the writer whose object format the library produces, and whose
 * output it reproduces byte for byte) and leaves an empty placeholder element in their place.
 * `DeferredXml.fill` puts each run's XML back once the library has written document.xml.
 *
 * A run whose XML would carry a control character, which `xml` writes as it is where the library
 * drops it, or a brace, which the library's numbering pass may rewrite, is handed back to the library.
 */
import { FileChild, type IContext, type IXmlableObject, type Paragraph, Table, XmlComponent } from 'docx';
import xml from 'xml';

/** The placeholder, as the library writes it; no text can give an element (`<` is escaped). */
const PLACEHOLDER_NAME = 'w:workplanDeferred';
const PLACEHOLDER = /<w:workplanDeferred w:n="(\d+)"\/>/g;

/** What xml writes verbatim but the library removes (XML 1.0 does not allow them). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

/** The XML of every deferred run of one document, by run number. */
export class DeferredXml {
  private readonly texts = new Map<number, string>();
  private runs = 0;

  /** A number for a new run. */
  reserve(): number {
    return this.runs++;
  }

  /**
   * Run `index`'s objects as the library's body should receive them: the placeholder once their
   * XML is kept, or the objects themselves. The library flattens an array a child gives (as for
   * children written in several parts), so several elements may stand where one child was.
   */
  write(index: number, objects: IXmlableObject[]): IXmlableObject {
    const text = xml(objects as xml.XmlObject[]);
    // xml schedules a process.nextTick whose closure keeps its input alive until the tick, and the
    // library writes the whole body in one synchronous call: emptied, the array keeps nothing.
    const own = objects.splice(0);
    // The library also replaces {numbering-key} placeholders in the document it wrote, text
    // included; a run with a brace goes through that pass too, so it reads as elsewhere.
    if (CONTROL.test(text) || text.includes('{')) return own as unknown as IXmlableObject;
    this.texts.set(index, text);
    return { [PLACEHOLDER_NAME]: { _attr: { 'w:n': index } } };
  }

  /** document.xml with every placeholder replaced by its run's XML (a run may hold placeholders). */
  fill(documentXml: string): string {
    return documentXml.replace(PLACEHOLDER, (_, n: string) => {
      const text = this.texts.get(Number(n));
      if (text === undefined) throw new Error(`deferred run ${n} was never written`);
      return this.fill(text);
    });
  }
}

/** Formats components in `context` as the library would when writing them at this place. */
function format(components: readonly XmlComponent[], context: IContext): IXmlableObject[] {
  const objects: IXmlableObject[] = [];
  for (const component of components) {
    const object = component.prepForXml(context);
    if (object !== undefined) objects.push(object);
  }
  return objects;
}

/**
 * Body children made when the body is written. It sits in the body where its children go, so a
 * table among them finds its section (the library looks up the child of the body on its stack).
 */
export class DeferredChildren extends FileChild {
  private readonly index: number;

  constructor(
    private readonly make: () => (Paragraph | Table)[],
    private readonly deferred: DeferredXml,
  ) {
    super(PLACEHOLDER_NAME);
    this.index = deferred.reserve();
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    context.stack.push(this);
    try {
      return this.deferred.write(this.index, format(this.make(), context));
    } finally {
      context.stack.pop();
    }
  }
}

/**
 * Rows of a table made when the table is written: `make` gives a table with the same properties
 * and column widths that holds just these rows, so every row is what the library writes for it
 * in the whole table; its rows are taken out of it. Added after a table's own rows.
 */
export class DeferredRows extends XmlComponent {
  private readonly index: number;

  constructor(
    private readonly make: () => Table,
    private readonly deferred: DeferredXml,
  ) {
    super(PLACEHOLDER_NAME);
    this.index = deferred.reserve();
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const [table] = format([this.make()], context);
    const parts = (table as Record<string, unknown> | undefined)?.['w:tbl'];
    if (!Array.isArray(parts)) throw new Error('docx wrote a table without w:tbl');
    const rows = (parts as IXmlableObject[]).filter((part) => Object.keys(part)[0] === 'w:tr');
    return this.deferred.write(this.index, rows);
  }
}

/** A table that writes further rows after its own: the rows of a long table, made as they are written. */
export class TableWithDeferredRows extends Table {
  constructor(options: ConstructorParameters<typeof Table>[0], more: readonly DeferredRows[]) {
    super(options);
    this.root.push(...more);
  }
}
