import { ChannelCapabilitiesSchema, UploadQuerySchema, UploadResponseSchema } from "@inbox/shared/api/uploads";
import { inboxCapabilities, storeUpload, type UploadDeps } from "./uploads.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { readRawBody } from "../http/read-body.ts";

/**
 * Attachments agents send: the channel's limits for the composer, and the upload itself (the
 * file's bytes as the body, its type as Content-Type), which answers the `/media/` url a reply
 * then carries.
 */
export function registerUploadRoutes(api: ApiRegistry, core: UploadDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/inboxes/:id/capabilities",
      summary: "What the inbox's channel accepts from agents: text length, formatting, buttons, quick replies, attachment types and sizes",
      tag: "conversations",
      access: "user",
      response: ChannelCapabilitiesSchema,
    },
    async ({ user, params }) => inboxCapabilities(core, user, params.id!),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/uploads",
      summary: "Upload a file for a reply in a conversation (raw body, Content-Type = the file's type); refused beyond the channel's limits",
      tag: "conversations",
      access: { permission: "reply" },
      query: UploadQuerySchema,
      response: UploadResponseSchema,
      status: 201,
    },
    async ({ c, user, query }) => {
      const declared = Number(c.req.header("content-length"));
      const result = await storeUpload(core, user, {
        conversationId: query.conversationId,
        filename: query.filename,
        mimeType: c.req.header("content-type") ?? "application/octet-stream",
        declaredSize: Number.isFinite(declared) && c.req.header("content-length") !== undefined ? declared : null,
        read: (limit) => readRawBody(c, limit),
      });
      return c.json(result, 201);
    },
  );
}
