// Which engine runs the Inngest functions: Inngest Cloud, a developer's Inngest dev server, or the
// embedded local executor (the default when neither is configured).
import { env } from "@/lib/env";

export type JobsDriver = "inngest-cloud" | "inngest-dev" | "local";

export function jobsDriver(): JobsDriver {
  if (env.INNGEST_DEV) return "inngest-dev";
  if (env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY) return "inngest-cloud";
  if (env.INNGEST_EVENT_KEY || env.INNGEST_SIGNING_KEY) {
    throw new Error(
      "Inngest Cloud needs both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or neither, for the local executor). See .env.example.",
    );
  }
  return "local";
}

/** The Inngest app id: function ids are `${appId}-${functionId}`. */
export const INNGEST_APP_ID = "pagecraft";
