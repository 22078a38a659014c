import type { MessageContent } from "@inbox/shared";

/** The searchable text of a message, whatever its kind. */
export function plainText(content: MessageContent): string {
  switch (content.kind) {
    case "text":
      return content.text;
    case "buttons":
      return [content.text, ...content.buttons.map((b) => b.title)].join("\n");
    case "quick_replies":
      return [content.text, ...content.replies.map((r) => r.title)].join("\n");
    case "image":
    case "video":
      return content.caption ?? "";
    case "file":
      return content.filename;
    case "location":
      return [content.name, content.address].filter(Boolean).join(", ");
    case "audio":
      return "";
    case "unsupported":
      return content.description;
  }
}
