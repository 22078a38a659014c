import type { TemplateSend } from "@inbox/shared";

/** The send's `template` object: name, language, and the text parameters of header and body. */
export function templatePayload(t: TemplateSend): Record<string, unknown> {
  const params = (values: TemplateSend["body"]) => values.map((v) => ({ type: "text", ...(v.name ? { parameter_name: v.name } : {}), text: v.text }));
  const components = [
    ...(t.header.length ? [{ type: "header", parameters: params(t.header) }] : []),
    ...(t.body.length ? [{ type: "body", parameters: params(t.body) }] : []),
  ];
  return { name: t.name, language: { code: t.language }, ...(components.length ? { components } : {}) };
}
