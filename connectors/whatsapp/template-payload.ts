import type { TemplateSend } from "@inbox/shared";

/**
 * A media header's parameter as Meta's send takes it: `{type: "image", image: {link}}` (or
 * `{id}` after an upload); a document also names its file.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-media/
 */
export interface HeaderMedia {
  type: "image" | "video" | "document";
  ref: Record<string, unknown>;
  /** The file's name; only a document's is sent (Meta shows it), an image's or a video's is dropped. */
  filename?: string | undefined;
}

/** The send's `template` object: name, language, the header (its text values or its file) and the body's values. */
export function templatePayload(t: TemplateSend, media?: HeaderMedia): Record<string, unknown> {
  const params = (values: TemplateSend["body"]) => values.map((v) => ({ type: "text", ...(v.name ? { parameter_name: v.name } : {}), text: v.text }));
  const header = media
    ? [{ type: media.type, [media.type]: { ...media.ref, ...(media.type === "document" && media.filename ? { filename: media.filename } : {}) } }]
    : params(t.header);
  const components = [
    ...(header.length ? [{ type: "header", parameters: header }] : []),
    ...(t.body.length ? [{ type: "body", parameters: params(t.body) }] : []),
  ];
  return { name: t.name, language: { code: t.language }, ...(components.length ? { components } : {}) };
}
