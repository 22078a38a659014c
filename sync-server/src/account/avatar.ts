import { fromBase64 } from "@inbox/connectors/src/crypto.ts";
import { HttpError } from "../http/http-error.ts";

/** The first bytes each allowed picture type starts with (its "magic number"). */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  png: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
};

/**
 * The shared schema checked the data URL's shape and size; this checks the bytes are the picture
 * the URL says, so nothing else is served back to colleagues' browsers as an image.
 */
export function refuseBadAvatar(dataUrl: string): void {
  const [, type = "", base64 = ""] = /^data:image\/(png|jpeg|webp);base64,(.*)$/.exec(dataUrl) ?? [];
  let head: Uint8Array;
  try {
    head = fromBase64(base64.slice(0, 24));
  } catch {
    head = new Uint8Array(0);
  }
  if (!SIGNATURES[type]?.(head)) throw new HttpError(400, "validation_failed", "That file is not a PNG, JPEG or WebP picture.", { reason: "avatar_invalid" });
}
