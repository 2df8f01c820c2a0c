// Object storage: one interface, a driver per backend (local files, S3-compatible).
import type { Readable } from "node:stream";

/** What put() accepts: bytes in memory, or a stream for large artifacts (exports). */
export type PutBody = Uint8Array | Readable;

export interface PutOptions {
  contentType?: string;
  /**
   * Hex sha256 of the body. Drivers verify it (nothing is stored on a mismatch) and record it;
   * when the key already holds an object recorded with this sha256 and size, put() is a no-op —
   * which is what makes content-addressed blobs write-once.
   */
  sha256?: string;
}

export interface PutResult {
  key: string;
  size: number;
  /** False when the object was already there (same sha256) and nothing was uploaded. */
  written: boolean;
  /** How many parts the upload took (1 unless the S3 driver used a multipart upload). */
  parts: number;
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType?: string;
  /** Hex sha256, when it was given at put() time. */
  sha256?: string;
  lastModified?: Date;
}

export interface ListOptions {
  /** From the previous page's `cursor`. */
  cursor?: string;
  /** Page size, 1–1000. Default: 1000. */
  limit?: number;
}

export interface ListResult {
  /** In key order (byte order of the UTF-8 key). */
  items: ObjectInfo[];
  /** Pass back to list the next page; undefined when there is none. */
  cursor?: string;
}

export interface PresignGetOptions {
  /** Seconds the link stays valid (1 s – 7 days). */
  expiresIn: number;
  /** Offered as the download's file name (content-disposition: attachment). */
  filename?: string;
  /** Overrides the response's content type. */
  contentType?: string;
}

export interface PresignPutOptions {
  /** Seconds the link stays valid (1 s – 7 days). */
  expiresIn: number;
  /** The uploader must send exactly this content type. */
  contentType?: string;
}

export interface ObjectStorage {
  readonly driver: "local" | "s3";
  put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult>;
  /** A stream of the object's bytes, or null when it does not exist. */
  get(key: string): Promise<Readable | null>;
  /** The whole object in memory, or null. For small objects such as source files. */
  getBytes(key: string): Promise<Buffer | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Objects whose key starts with `prefix`, one page at a time. */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;
  /** Removes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** An absolute URL anyone can GET until it expires. */
  presignGet(key: string, options: PresignGetOptions): Promise<string>;
  /** An absolute URL anyone can PUT the object's bytes to until it expires. */
  presignPut(key: string, options: PresignPutOptions): Promise<string>;
  /** Checks the backend answers; throws when it does not. */
  ping(): Promise<void>;
}
