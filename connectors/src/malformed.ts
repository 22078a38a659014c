/**
 * A verified webhook whose body is not what the platform sends (not JSON, not its envelope).
 * `parse` throws this, and only this, for bodies it cannot read: the server records the
 * webhook as failed with this message instead of crashing on it.
 */
export class MalformedWebhookError extends Error {
  override name = "MalformedWebhookError";
}

/** The body as JSON, or a MalformedWebhookError naming the platform. */
export function readJsonBody(body: Uint8Array, platform: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new MalformedWebhookError(`The ${platform} webhook body is not JSON.`);
  }
}
