/**
 * The composer's two requests: a channel's capabilities, and uploading a file's bytes (the
 * body is the file itself, not JSON, so this is not `request()`; errors become the same
 * ApiError with the server's sentence).
 */
import { ChannelCapabilitiesSchema, UploadResponseSchema, type ChannelCapabilities, type UploadResponse } from "@inbox/shared/api/uploads";
import { ApiError, networkMessage, errorFromResponse, request } from "./http.ts";

export function fetchCapabilities(inboxId: string): Promise<ChannelCapabilities> {
  return request(`/api/inboxes/${encodeURIComponent(inboxId)}/capabilities`, { schema: ChannelCapabilitiesSchema });
}

export async function uploadFile(conversationId: string, file: Blob, filename: string): Promise<UploadResponse> {
  const query = new URLSearchParams({ conversationId, filename });
  let res: Response;
  try {
    res = await fetch(`/api/uploads?${query}`, {
      method: "POST",
      headers: { "Content-Type": file.type || "application/octet-stream", Accept: "application/json" },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("network", networkMessage(), 0);
  }
  const text = await res.text().catch(() => "");
  if (!res.ok) throw await errorFromResponse(res.status, text);
  const parsed = UploadResponseSchema.safeParse(JSON.parse(text || "null"));
  if (!parsed.success) throw new ApiError("bad_response", "The server sent an answer the app can't read.", res.status);
  return parsed.data;
}
