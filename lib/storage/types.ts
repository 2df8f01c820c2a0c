// Object storage: one interface, a driver per backend (local files, S3-compatible).
import type { Readable } from "node:stream";

export interface PutOptions {
  contentType?: string;
  /** Hex sha256 of the body; drivers verify it when given. */
  sha256?: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType?: string;
  lastModified?: Date;
}

export interface ListResult {
  items: ObjectInfo[];
  /** Pass back to list the next page; undefined when there is none. */
  cursor?: string;
}

export interface ObjectStorage {
  readonly driver: "local" | "s3";
  put(key: string, body: Uint8Array, options?: PutOptions): Promise<void>;
  /** A stream of the object's bytes, or null when it does not exist. */
  get(key: string): Promise<Readable | null>;
  /** The whole object in memory, or null. For small objects such as source files. */
  getBytes(key: string): Promise<Buffer | null>;
  head(key: string): Promise<ObjectInfo | null>;
  list(prefix: string, options?: { cursor?: string; limit?: number }): Promise<ListResult>;
  delete(key: string): Promise<void>;
  /** Checks the backend answers; throws when it does not. */
  ping(): Promise<void>;
}
