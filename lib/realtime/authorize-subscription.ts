// Who may subscribe to what: a workspace's channel for its members, a project's channels for
// members of the project's workspace. Anything else is refused before a signature is made.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findProjectForMember } from "@/lib/projects/queries";
import { resolveWorkspace } from "@/lib/workspaces/queries";
import { parseChannel } from "./channels";
import { getRealtime } from "./index";
import type { ChannelAuth, PresenceMember } from "./types";

/** What pusher-js posts (form-encoded) to the auth endpoint. */
export const channelAuthRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "Not a valid socket id."),
  channel_name: z.string().min(1).max(164),
});
export type ChannelAuthRequest = z.infer<typeof channelAuthRequestSchema>;

/** What other people in a presence channel see of a user: never the email address itself. */
export const presenceUserInfoSchema = z.object({
  name: z.string(),
  initials: z.string(),
  /** A short hash of the email, stable per user, for a colour or an avatar service. */
  emailHash: z.string(),
});
export type PresenceUserInfo = z.infer<typeof presenceUserInfoSchema>;

export function initialsOf(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?"
  );
}

export async function authorizeSubscription(input: {
  user: { id: string; name: string; email: string };
  request: ChannelAuthRequest;
}): Promise<ChannelAuth> {
  const { socket_id: socketId, channel_name: channel } = channelAuthRequestSchema.parse(input.request);
  const ref = parseChannel(channel);
  if (!ref) throw new AppError("forbidden:channel", "That channel cannot be subscribed to.");
  const db = getDb();
  if (ref.kind === "workspace") await resolveWorkspace(db, input.user.id, ref.id);
  else await findProjectForMember(db, input.user.id, ref.id);

  let presence: PresenceMember | undefined;
  if (ref.visibility === "presence") {
    const info: PresenceUserInfo = {
      name: input.user.name,
      initials: initialsOf(input.user.name),
      emailHash: createHash("sha256")
        .update(input.user.email.trim().toLowerCase())
        .digest("hex")
        .slice(0, 16),
    };
    presence = { user_id: input.user.id, user_info: info };
  }
  return getRealtime().authorizeChannel(socketId, channel, presence);
}
