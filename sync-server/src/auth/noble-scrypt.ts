import { scryptAsync } from "@noble/hashes/scrypt.js";
import type { ScryptKdf } from "./password.ts";

/**
 * scrypt in pure JavaScript (@noble/hashes, audited), for runtimes without a native one:
 * Workers (whose WebCrypto has no scrypt). `scryptAsync` yields to the event loop while it
 * works, so one sign-in does not stall other requests on the isolate.
 */
export const nobleScrypt: ScryptKdf = (password, salt, { ln, r, p, dkLen }) => scryptAsync(password, salt, { N: 2 ** ln, r, p, dkLen });
