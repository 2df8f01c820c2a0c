// Reads a JSON request body with a size cap: 413 past the cap, 400 for malformed JSON or a
// body that is not JSON, so no handler ever sees a half-read or unparsed body.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function readJsonBody(request: Request, limit = env.MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError(
      "bad_request:content_type",
      "Send the body as JSON with Content-Type: application/json.",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const text = await readLimited(request, limit);
  if (text.trim() === "")
    throw new AppError("bad_request:body", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
}

/**
 * For routes whose body is optional: undefined when none was sent (no length, or a length of 0),
 * else the body read like readJsonBody — so a body without the JSON content type still gets 400.
 */
export async function readOptionalJsonBody(request: Request, limit = env.MAX_BODY_BYTES): Promise<unknown> {
  const length = request.headers.get("content-length");
  const sent = length === null ? request.headers.has("content-type") : Number(length) > 0;
  return sent ? readJsonBody(request, limit) : undefined;
}

function tooLarge(limit: number) {
  return new AppError("payload_too_large:body", `The request body is larger than ${limit} bytes.`, {
    details: { limit },
  });
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
