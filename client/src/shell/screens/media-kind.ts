/**
 * What kind of attachment a server media key holds, from its extension (the server names keys
 * after the stored type: "<uuid>.jpg", ".ogg", ".mp4", ".pdf", ".bin").
 */
export type MediaKind = "image" | "audio" | "video" | "file";

const KINDS: Record<string, MediaKind> = {
  jpg: "image",
  jpeg: "image",
  png: "image",
  webp: "image",
  gif: "image",
  ogg: "audio",
  mp3: "audio",
  m4a: "audio",
  aac: "audio",
  amr: "audio",
  mp4: "video",
  "3gp": "video",
};

export function mediaKind(path: string): MediaKind {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  return KINDS[ext] ?? "file";
}

/** The file name a download gets: the key itself. */
export function mediaFileName(path: string): string {
  return path.split("/").pop() || "attachment";
}
