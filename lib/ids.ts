import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A 25-character lowercase id (like a cuid): a time prefix so ids sort by creation, then randomness. */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const bytes = randomBytes(16);
  let rand = "";
  for (const b of bytes) rand += alphabet[b % 36];
  return `c${time}${rand}`.slice(0, 25);
}
