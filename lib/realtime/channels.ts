// Channel names, shared by the server (publishing, authorizing) and the browser (subscribing).
// Every channel that carries workspace data is private or presence, so subscribing needs a
// signature from POST /api/realtime/auth, which checks membership.

/** Pusher's rule for channel names: at most 164 of these characters. */
export const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

export const workspaceChannel = (workspaceId: string) => `private-workspace-${workspaceId}`;
export const projectChannel = (projectId: string) => `private-project-${projectId}`;
/** Who has a project open. */
export const projectPresenceChannel = (projectId: string) => `presence-project-${projectId}`;

export type ChannelRef =
  | { kind: "workspace"; visibility: "private"; id: string }
  | { kind: "project"; visibility: "private" | "presence"; id: string };

const patterns: Array<[RegExp, (id: string) => ChannelRef]> = [
  [/^private-workspace-([a-z0-9]{1,64})$/, (id) => ({ kind: "workspace", visibility: "private", id })],
  [/^private-project-([a-z0-9]{1,64})$/, (id) => ({ kind: "project", visibility: "private", id })],
  [/^presence-project-([a-z0-9]{1,64})$/, (id) => ({ kind: "project", visibility: "presence", id })],
];

/** The workspace or project a channel belongs to, or null for a name the studio never uses. */
export function parseChannel(name: string): ChannelRef | null {
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(name);
    if (match) return build(match[1]);
  }
  return null;
}

export const isPrivateChannel = (name: string) => name.startsWith("private-");
export const isPresenceChannel = (name: string) => name.startsWith("presence-");
