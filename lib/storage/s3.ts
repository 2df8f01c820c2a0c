// The production driver: AWS S3, Cloudflare R2 or any S3-compatible endpoint (MinIO, s3rver).
// Bodies above `multipartThreshold` go up as a multipart upload (aborted on any failure); a
// caller's sha256 is checked before anything becomes visible, and sent as ChecksumSHA256 on
// single-part uploads so the server checks the bytes it received too.
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { concatIterables, rechunk, slices } from "./chunks";
import {
  assertValidExpiry,
  assertValidKey,
  assertValidPrefix,
  assertValidSha256,
  attachmentDisposition,
  checksumMismatch,
} from "./keys";
import type { ListResult, ObjectInfo, ObjectStorage, PutBody, PutOptions, PutResult } from "./types";

const MiB = 1024 * 1024;
/** S3's smallest part (all but the last). */
const minPartSize = 5 * MiB;

export interface S3StorageOptions {
  bucket: string;
  /** "auto" for R2. Default: auto (us-east-1 when talking to AWS itself). */
  region?: string;
  /** Non-AWS endpoints, e.g. https://<account>.r2.cloudflarestorage.com. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), for MinIO and s3rver. */
  forcePathStyle?: boolean;
  /** Default: the AWS SDK's credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bodies larger than this use a multipart upload. Default: 8 MiB. */
  multipartThreshold?: number;
  /** Size of each multipart part, at least 5 MiB. Default: 8 MiB. */
  partSize?: number;
  /** Parts uploaded at once. Default: 4. */
  partConcurrency?: number;
  /** A ready client (tests, custom middleware); the connection options above are then ignored. */
  client?: S3Client;
}

export function createS3Client(options: Omit<S3StorageOptions, "bucket">): S3Client {
  const region = options.region ?? "auto";
  return new S3Client({
    region: !options.endpoint && region === "auto" ? "us-east-1" : region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // We verify our own sha256; the SDK's default CRC32 on every request is not understood by
    // every S3-compatible server and breaks presigned PUTs (it signs the checksum of no body).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const Bucket = options.bucket;
  const client = options.client ?? createS3Client(options);
  const threshold = options.multipartThreshold ?? 8 * MiB;
  const partSize = Math.max(options.partSize ?? 8 * MiB, minPartSize);
  const concurrency = Math.max(options.partConcurrency ?? 4, 1);

  async function head(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return {
        key,
        size: out.ContentLength ?? 0,
        contentType: out.ContentType,
        sha256: out.Metadata?.sha256,
        lastModified: out.LastModified,
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function alreadyStored(key: string, sha256: string | undefined, size?: number): Promise<boolean> {
    if (!sha256) return false;
    const existing = await head(key);
    return !!existing && existing.sha256 === sha256 && (size === undefined || existing.size === size);
  }

  /** One PutObject; the caller has already checked the sha256. */
  async function putSingle(key: string, body: Uint8Array, options: PutOptions): Promise<PutResult> {
    try {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentLength: body.byteLength,
          ContentType: options.contentType,
          ChecksumSHA256: options.sha256 ? Buffer.from(options.sha256, "hex").toString("base64") : undefined,
          Metadata: options.sha256 ? { sha256: options.sha256 } : undefined,
        }),
      );
    } catch (error) {
      if (error instanceof S3ServiceException && error.name === "BadDigest") throw checksumMismatch(key);
      throw error;
    }
    return { key, size: body.byteLength, written: true, parts: 1 };
  }

  async function putMultipart(
    key: string,
    parts: AsyncIterable<Uint8Array>,
    options: PutOptions,
  ): Promise<PutResult> {
    const created = await client.send(
      new CreateMultipartUploadCommand({
        Bucket,
        Key: key,
        ContentType: options.contentType,
        Metadata: options.sha256 ? { sha256: options.sha256 } : undefined,
      }),
    );
    const UploadId = created.UploadId;
    if (!UploadId) throw new Error(`S3 returned no upload id for ${key}`);
    const hash = createHash("sha256");
    const done: CompletedPart[] = [];
    const inFlight = new Set<Promise<void>>();
    // A part that fails is remembered here, not left to reject on its own: a finished promise
    // leaves the set, so a rejection could otherwise go unseen and a part go missing.
    let failure: { error: unknown } | undefined;
    const rethrow = () => {
      if (failure) throw failure.error;
    };
    let size = 0;
    let count = 0;
    try {
      for await (const part of parts) {
        rethrow();
        hash.update(part);
        size += part.byteLength;
        const PartNumber = ++count;
        const upload: Promise<void> = client
          .send(
            new UploadPartCommand({
              Bucket,
              Key: key,
              UploadId,
              PartNumber,
              Body: part,
              ContentLength: part.byteLength,
            }),
          )
          .then(
            (out) => {
              done.push({ PartNumber, ETag: out.ETag });
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => inFlight.delete(upload));
        inFlight.add(upload);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      rethrow();
      if (done.length !== count) throw new Error(`Only ${done.length} of ${count} parts of ${key} uploaded`);
      if (options.sha256 && hash.digest("hex") !== options.sha256) throw checksumMismatch(key);
      done.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
      await client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts: done } }),
      );
      return { key, size, written: true, parts: count };
    } catch (error) {
      await Promise.allSettled(inFlight);
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId })).catch(() => {});
      throw error;
    }
  }

  return {
    driver: "s3",
    async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
      assertValidKey(key);
      assertValidSha256(options.sha256);
      if (body instanceof Uint8Array) {
        if (options.sha256 && sha256Hex(body) !== options.sha256) throw checksumMismatch(key);
        if (await alreadyStored(key, options.sha256, body.byteLength)) {
          return { key, size: body.byteLength, written: false, parts: 1 };
        }
        if (body.byteLength <= threshold) return putSingle(key, body, options);
        return putMultipart(key, slices(body, partSize), options);
      }
      const stream = body as Readable;
      if (await alreadyStored(key, options.sha256)) {
        stream.destroy();
        return { key, size: (await head(key))?.size ?? 0, written: false, parts: 1 };
      }
      // Read up to the threshold: a small stream is one PUT, a larger one continues as multipart.
      const iterator = (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      const first: Uint8Array[] = [];
      let buffered = 0;
      while (buffered <= threshold) {
        const next = await iterator.next();
        if (next.done) {
          const whole = Buffer.concat(first);
          if (options.sha256 && sha256Hex(whole) !== options.sha256) throw checksumMismatch(key);
          return putSingle(key, whole, options);
        }
        first.push(next.value);
        buffered += next.value.byteLength;
      }
      return putMultipart(key, rechunk(concatIterables(first, iterator), partSize), options);
    },
    async get(key: string): Promise<Readable | null> {
      assertValidKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return (out.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async getBytes(key: string): Promise<Buffer | null> {
      assertValidKey(key);
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!out.Body) return null;
        const bytes = await out.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    head,
    async list(prefix: string, options = {}): Promise<ListResult> {
      assertValidPrefix(prefix);
      const out = await client.send(
        new ListObjectsV2Command({
          Bucket,
          Prefix: prefix || undefined,
          MaxKeys: Math.min(Math.max(options.limit ?? 1000, 1), 1000),
          ContinuationToken: options.cursor,
        }),
      );
      const items = (out.Contents ?? []).map((o) => ({
        key: o.Key ?? "",
        size: o.Size ?? 0,
        lastModified: o.LastModified,
      }));
      return { items, cursor: out.IsTruncated ? out.NextContinuationToken : undefined };
    },
    async delete(key: string) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async presignGet(key, { expiresIn, filename, contentType }) {
      assertValidKey(key);
      assertValidExpiry(expiresIn);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentDisposition: filename ? attachmentDisposition(filename) : undefined,
        ResponseContentType: contentType,
      });
      return getSignedUrl(client, command, { expiresIn });
    },
    async presignPut(key, { expiresIn, contentType }) {
      assertValidKey(key);
      assertValidExpiry(expiresIn);
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType });
      // content-type stays a signed header, so an upload with another type is refused.
      return getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(["content-type"]) });
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

function sha256Hex(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata?.httpStatusCode === 404)
  );
}
