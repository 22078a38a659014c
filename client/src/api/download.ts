/**
 * Files the server makes for download (exports): fetched with the session cookie, so a refusal
 * comes back as an error in words instead of a page, then handed to the browser's downloads.
 */
import { ApiError, errorFromResponse, networkMessage } from "./http.ts";

/** Downloads `path` and saves it under the server's file name (or `fallbackName`); resolves with the name. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin" });
  } catch {
    throw new ApiError("network", networkMessage(), 0);
  }
  if (!res.ok) throw await errorFromResponse(res.status, await res.text().catch(() => ""));
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  saveFile(await res.blob(), name);
  return name;
}

/** Hands a file to the browser's downloads, as a link the user clicked would. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the page's handle can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
