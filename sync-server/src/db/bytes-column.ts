import { customType } from "drizzle-orm/sqlite-core";

/**
 * A BLOB read and written as a plain Uint8Array on every runtime. drizzle's `blob({ mode:
 * "buffer" })` needs Node's Buffer, and what a blob comes back as differs: the libSQL clients
 * return an ArrayBuffer, which drizzle's libSQL session turns into a Buffer where Buffer exists
 * (Node, Workers with nodejs_compat) and into a *string* where it does not. This normalises the
 * first two and refuses the lossy third instead of handing Yjs corrupt bytes. Same `blob` column
 * type, so no migration.
 */
export const bytes = customType<{ data: Uint8Array; driverData: ArrayBuffer | ArrayBufferView | string }>({
  dataType: () => "blob",
  toDriver: (value) => value,
  fromDriver: (value) => {
    if (typeof value === "string") {
      throw new Error("A blob came back as text: the runtime has no Buffer (enable nodejs_compat on Workers).");
    }
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return new Uint8Array(value.buffer as ArrayBuffer, value.byteOffset, value.byteLength);
  },
});
