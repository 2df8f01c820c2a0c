// Serves the local driver's signed links (`/api/storage/<key>?expires=…&sig=…`): downloads for
// presignGet() and uploads for presignPut(). With the S3 driver the links point at the bucket
// itself, so this route has nothing to serve.
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { getStorage } from "./index";
import { attachmentDisposition } from "./keys";
import { isLocalStorage, type LocalObjectStorage } from "./local";
import type { ObjectStorage } from "./types";

function localStorageOrThrow(storage: ObjectStorage): LocalObjectStorage {
  if (!isLocalStorage(storage)) {
    throw new AppError("not_found:storage_link", "Storage links are served by the object store, not here.");
  }
  return storage;
}

function keyOf(segments: string[] | string | undefined): string {
  return Array.isArray(segments) ? segments.join("/") : (segments ?? "");
}

// Objects are user content served from the studio's origin: never let a browser run or sniff them.
const safetyHeaders = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cache-control": "private, no-store",
};

/** GET: streams the object named by a valid, unexpired download link. */
export async function serveSignedDownload(
  request: Request,
  segments: string[] | string | undefined,
  storage: ObjectStorage = getStorage(),
): Promise<Response> {
  const local = localStorageOrThrow(storage);
  const key = keyOf(segments);
  const claims = local.verifyLink("GET", key, new URL(request.url));
  const info = await local.head(key);
  const body = info ? await local.get(key) : null;
  if (!info || !body) throw new AppError("not_found:object", "That file does not exist any more.");
  const headers = new Headers(safetyHeaders);
  headers.set("content-type", claims.contentType ?? info.contentType ?? "application/octet-stream");
  headers.set("content-length", String(info.size));
  if (claims.filename) headers.set("content-disposition", attachmentDisposition(claims.filename));
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/** PUT: stores the request body under the key of a valid, unexpired upload link. */
export async function acceptSignedUpload(
  request: Request,
  segments: string[] | string | undefined,
  storage: ObjectStorage = getStorage(),
): Promise<Response> {
  const local = localStorageOrThrow(storage);
  const key = keyOf(segments);
  const claims = local.verifyLink("PUT", key, new URL(request.url));
  const sentType = request.headers.get("content-type") ?? undefined;
  if (claims.contentType && sentType !== claims.contentType) {
    throw new AppError(
      "forbidden:storage_link",
      `This link only accepts uploads with content-type ${claims.contentType}.`,
    );
  }
  const max = local.maxUploadBytes;
  const declared = request.headers.get("content-length");
  const declaredBytes = declared === null ? undefined : Number(declared);
  if (declaredBytes !== undefined && declaredBytes > max) throw tooLarge(max);
  if (!request.body) throw new AppError("bad_request:upload", "The upload has no body.");

  let received = 0;
  const counted = Readable.from(
    (async function* () {
      const reader = request.body!.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        received += next.value.byteLength;
        if (received > max) throw tooLarge(max);
        yield next.value;
      }
      // A proxy that buffers bodies (Next.js's, above its limit) can pass on a cut-short body.
      if (declaredBytes !== undefined && received !== declaredBytes) {
        throw new AppError(
          "bad_request:upload",
          `The upload was cut short: ${received} of ${declaredBytes} bytes arrived.`,
        );
      }
    })(),
  );
  const result = await local.put(key, counted, { contentType: claims.contentType ?? sentType });
  return new Response(null, { status: 200, headers: { "x-object-size": String(result.size) } });
}

function tooLarge(max: number): AppError {
  return new AppError("payload_too_large:upload", `Uploads through this link are limited to ${max} bytes.`);
}
