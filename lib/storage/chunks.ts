// Byte-stream plumbing for multipart uploads: cut a body into parts of a fixed size.
/** A buffer as consecutive views of `size` bytes (no copying). */
export async function* slices(body: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < body.byteLength; offset += size) {
    yield body.subarray(offset, Math.min(offset + size, body.byteLength));
  }
}

/** Chunks already read, then the rest of the iterator. */
export async function* concatIterables(
  head: Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Regroups a stream's chunks into parts of exactly `size` bytes (the last may be smaller). */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    while (pendingBytes >= size) {
      const all = Buffer.concat(pending, pendingBytes);
      yield all.subarray(0, size);
      pending = [all.subarray(size)];
      pendingBytes -= size;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
