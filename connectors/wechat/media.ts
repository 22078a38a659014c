import type { ConnectorContext, Credentials } from "../src/connector.ts";
import { apiUrl, readJsonResponse, withAccessToken, type ApiFailure, type ApiOutcome } from "./api.ts";

/**
 * Temporary media (what customers send; kept 3 days): GET /cgi-bin/media/get?access_token&media_id
 * answers the bytes, or for videos `{"video_url": …}` to fetch without a token, or a JSON error.
 * https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html
 */
export async function downloadMedia(mediaId: string, credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const outcome = await withAccessToken(credentials, ctx, async (token): Promise<ApiOutcome<{ bytes: Uint8Array; mimeType: string }>> => {
    let response: Response;
    try {
      response = await ctx.fetch(apiUrl(ctx, "/cgi-bin/media/get", { access_token: token, media_id: mediaId }));
    } catch (err) {
      return { ok: false, failure: { type: "network", message: err instanceof Error ? err.message : String(err) } };
    }
    const mimeType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!response.ok || mimeType.includes("json") || mimeType.startsWith("text/")) {
      const json = await readJsonResponse(response);
      if (!json.ok) return json;
      const videoUrl = json.value.video_url;
      if (typeof videoUrl === "string" && videoUrl) return fetchBytes(videoUrl, ctx, "video/mp4");
      return { ok: false, failure: { type: "errcode", errcode: -1, errmsg: "WeChat answered JSON without media" } };
    }
    return { ok: true, value: { bytes: new Uint8Array(await response.arrayBuffer()), mimeType: mimeType || "application/octet-stream" } };
  });
  if (!outcome.ok) throw new Error(`WeChat media ${mediaId} could not be downloaded: ${describe(outcome.failure)}`);
  return outcome.value;
}

async function fetchBytes(url: string, ctx: ConnectorContext, fallbackMime: string): Promise<ApiOutcome<{ bytes: Uint8Array; mimeType: string }>> {
  try {
    const response = await ctx.fetch(url);
    if (!response.ok) return { ok: false, failure: { type: "http", status: response.status } };
    const mimeType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const binary = mimeType && !mimeType.startsWith("text/") && !mimeType.includes("json");
    return { ok: true, value: { bytes: new Uint8Array(await response.arrayBuffer()), mimeType: binary ? mimeType : fallbackMime } };
  } catch (err) {
    return { ok: false, failure: { type: "network", message: err instanceof Error ? err.message : String(err) } };
  }
}

function describe(failure: ApiFailure): string {
  switch (failure.type) {
    case "errcode":
      return failure.errcode === 40007 ? "the media id is invalid or expired (WeChat keeps media for 3 days)" : `errcode ${failure.errcode} ${failure.errmsg}`.trim();
    case "http":
      return `HTTP ${failure.status}`;
    case "network":
      return failure.message;
  }
}
