"use client";

import { UserAvatar } from "@/components/shell/user-avatar";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { usePresence } from "@/lib/hooks/use-presence";

const MAX_SHOWN = 4;

/** Who else has this channel's project open, as overlapping initials. Nothing when alone. */
export function PresenceAvatars({ channel }: { channel: string }) {
  const { others } = usePresence(channel);
  if (others.length === 0) return null;
  const shown = others.slice(0, MAX_SHOWN);
  const hidden = others.length - shown.length;
  const names = others.map((m) => m.name).join(", ");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          aria-label={`Also viewing: ${names}`}
          data-testid="presence-avatars"
          className="flex items-center -space-x-1.5 rounded-full px-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {shown.map((member) => (
            <UserAvatar
              key={member.id}
              name={member.name}
              className="size-6 text-[10px] ring-2 ring-background"
            />
          ))}
          {hidden > 0 && (
            <span className="grid size-6 place-items-center rounded-full bg-muted text-[10px] font-medium text-muted-foreground ring-2 ring-background">
              +{hidden}
            </span>
          )}
        </button>
      </TooltipTrigger>
      <TooltipContent>Also viewing: {names}</TooltipContent>
    </Tooltip>
  );
}
