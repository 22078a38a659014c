/**
 * A small, strict reader for the XML WeChat pushes: one `<xml>` root whose children are
 * `<Tag><![CDATA[text]]></Tag>` or `<Tag>123</Tag>`, with a few nested groups
 * (`ScanCodeInfo`, `SendLocationInfo`, `SendPicsInfo/PicList/item`).
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
 *
 * Strict on purpose: no DOCTYPE, no entity definitions, no comments or processing instructions
 * inside the document, no mixed text and elements, matching close tags. Anything else throws.
 * Attributes are read and ignored (WeChat sends none).
 */
import { MalformedWebhookError } from "../src/malformed.ts";

export interface XmlNode {
  name: string;
  /** Text content (CDATA and entity-decoded text) when the element has no child elements. */
  text: string;
  children: XmlNode[];
}

export class XmlError extends MalformedWebhookError {
  override name = "XmlError";
}

const MAX_DEPTH = 16;
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(source: string): XmlNode {
  const p = new Reader(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  p.skipSpace();
  if (p.startsWith("<?xml")) {
    const end = p.src.indexOf("?>", p.pos);
    if (end < 0) p.fail("unterminated XML declaration");
    p.pos = end + 2;
    p.skipSpace();
  }
  const root = p.element(0);
  p.skipSpace();
  if (p.pos !== p.src.length) p.fail("content after the root element");
  return root;
}

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(what: string): never {
    throw new XmlError(`Malformed WeChat XML at ${this.pos}: ${what}`);
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail("expected a tag name");
    this.pos += m[0].length;
    return m[0];
  }

  element(depth: number): XmlNode {
    if (depth > MAX_DEPTH) this.fail("nested too deeply");
    if (!this.startsWith("<")) this.fail("expected an element");
    this.pos++;
    const name = this.name();
    this.attributes();
    if (this.startsWith("/>")) {
      this.pos += 2;
      return { name, text: "", children: [] };
    }
    if (!this.startsWith(">")) this.fail(`expected '>' after <${name}`);
    this.pos++;

    const children: XmlNode[] = [];
    let text = "";
    let hasText = false;
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`<${name}> is not closed`);
      if (this.startsWith("</")) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> closes <${name}>`);
        this.skipSpace();
        if (!this.startsWith(">")) this.fail(`expected '>' after </${closing}`);
        this.pos++;
        break;
      }
      if (this.startsWith("<![CDATA[")) {
        const end = this.src.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA section");
        text += this.src.slice(this.pos + 9, end);
        hasText = true;
        this.pos = end + 3;
      } else if (this.startsWith("<!") || this.startsWith("<?")) {
        this.fail("comments, declarations and processing instructions are not allowed");
      } else if (this.startsWith("<")) {
        children.push(this.element(depth + 1));
      } else {
        const end = this.src.indexOf("<", this.pos);
        const raw = this.src.slice(this.pos, end < 0 ? this.src.length : end);
        this.pos += raw.length;
        const decoded = this.decode(raw);
        if (decoded.trim() !== "") hasText = true;
        text += decoded;
      }
    }
    if (children.length > 0) {
      if (hasText) this.fail(`<${name}> mixes text and elements`);
      return { name, text: "", children };
    }
    return { name, text, children };
  }

  attributes(): void {
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.startsWith(">") || this.startsWith("/>")) return;
      if (this.pos === before) this.fail("expected whitespace before an attribute");
      this.name();
      this.skipSpace();
      if (!this.startsWith("=")) this.fail("expected '=' in an attribute");
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail("expected a quoted attribute value");
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail("unterminated attribute value");
      this.decode(this.src.slice(this.pos + 1, end));
      this.pos = end + 1;
    }
  }

  decode(raw: string): string {
    return raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
      if (!match.endsWith(";")) this.fail(`bare '&' in text`);
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) this.fail(`unknown entity &${ref};`);
      return String.fromCodePoint(code);
    });
  }
}

/** The first child of that name, if any. */
export function childOf(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Text of the first child of that name, when that child holds text rather than elements. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const child = node && childOf(node, name);
  return child && child.children.length === 0 ? child.text : undefined;
}

/** Plain JSON view of an element, for an unsupported message's `raw`: repeated tags become arrays. */
export function toPlain(node: XmlNode): unknown {
  if (node.children.length === 0) return node.text;
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const value = toPlain(child);
    const existing = out[child.name];
    if (existing === undefined) out[child.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[child.name] = [existing, value];
  }
  return out;
}

/**
 * WeChat can also be configured to push JSON with the same field names; this turns such a body
 * into the same tree so one parser serves both.
 */
export function fromJson(value: unknown, name = "xml", depth = 0): XmlNode {
  if (value === null || typeof value !== "object") return { name, text: value == null ? "" : String(value), children: [] };
  if (depth > MAX_DEPTH) throw new XmlError("WeChat JSON body nested too deeply");
  const children: XmlNode[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(v)) for (const item of v) children.push(fromJson(item, key, depth + 1));
    else children.push(fromJson(v, key, depth + 1));
  }
  return { name, text: "", children };
}

/** Parses a pushed body in either format: JSON when it starts with `{`, XML otherwise. */
export function parseBody(body: string): XmlNode {
  const trimmed = body.trimStart();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new XmlError("Malformed WeChat JSON body");
    }
    return fromJson(parsed);
  }
  const root = parseXml(body);
  if (root.name !== "xml") throw new XmlError(`Unexpected root element <${root.name}>`);
  return root;
}
