import type { Writes } from "../db/record.ts";
import type { SecretBox } from "../security/secret-box.ts";
import type { AiProviders } from "./providers.ts";

/** What the assistant needs: the record, the server's key (for the API key) and the providers. */
export interface AiDeps extends Writes {
  secrets: SecretBox;
  ai: AiProviders;
}
