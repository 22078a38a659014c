import type { ConnectorContext, Credentials } from "../src/connector.ts";
import { callApi, fileUrl, redact } from "./api.ts";
import { MAX_DOWNLOAD_BYTES } from "./config.ts";

/** Telegram's file server answers application/octet-stream, so the file path's extension decides. */
const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  oga: "audio/ogg",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  wav: "audio/wav",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  pdf: "application/pdf",
  zip: "application/zip",
  txt: "text/plain",
  tgs: "application/x-tgsticker",
};

/**
 * `getFile` turns a file_id into a `file_path` (valid ≥ 1 hour), then the bytes come from
 * `/file/bot<token>/<file_path>`. Hosted Bot API servers refuse files over 20 MB.
 * https://core.telegram.org/bots/api#getfile
 */
export async function downloadMedia(fileId: string, credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const answer = await callApi<{ file_id: string; file_size?: number; file_path?: string }>("getFile", { file_id: fileId }, credentials, ctx);
  const reply = answer.reply;
  if (!reply?.ok) {
    const why = reply ? `${reply.error_code} ${reply.description}` : `HTTP ${answer.status}`;
    throw new Error(`Telegram getFile failed for ${fileId}: ${why}`);
  }
  const { file_path: filePath, file_size: size } = reply.result;
  if (!filePath) throw new Error(`Telegram has no downloadable path for ${fileId} (files over ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB cannot be downloaded by bots).`);
  let res: Response;
  try {
    res = await ctx.fetch(fileUrl(filePath, credentials, ctx), { signal: AbortSignal.timeout(120_000) });
  } catch (err) {
    throw new Error(`Telegram file download failed for ${fileId}: ${redact(String(err), credentials)}`);
  }
  if (!res.ok) throw new Error(`Telegram file download failed for ${fileId}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (size !== undefined && bytes.length !== size) throw new Error(`Telegram file ${fileId} arrived incomplete (${bytes.length} of ${size} bytes).`);
  return { bytes, mimeType: mimeTypeOf(filePath, res.headers.get("content-type")) };
}

function mimeTypeOf(filePath: string, contentType: string | null): string {
  const declared = contentType?.split(";")[0]?.trim().toLowerCase();
  if (declared && declared !== "application/octet-stream" && declared !== "text/plain") return declared;
  const extension = filePath.split(".").pop()?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? "application/octet-stream";
}
