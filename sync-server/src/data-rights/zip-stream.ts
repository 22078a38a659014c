import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

/** One file of an archive; `compress`: false for media, which is compressed already. */
export interface ArchiveEntry {
  name: string;
  data: Uint8Array;
  compress: boolean;
}

/**
 * A zip archive written as it is read (fflate runs on Node and in Workers): one entry is made
 * each time the reader asks for more, so a contact's media never sits in memory all at once.
 */
export function zipStream(entries: AsyncIterable<ArchiveEntry>, at: number): ReadableStream<Uint8Array> {
  const source = entries[Symbol.asyncIterator]();
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      const next = await source.next();
      if (next.done) return zip.end();
      const { name, data, compress } = next.value;
      const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      file.mtime = at;
      zip.add(file);
      file.push(data, true);
    },
    async cancel() {
      zip.terminate();
      await source.return?.();
    },
  });
}
