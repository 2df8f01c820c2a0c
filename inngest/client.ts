// The Inngest client. The engine (Inngest Cloud, an Inngest dev server, or the embedded local
// executor) is chosen by lib/jobs from the environment; functions and senders never know which.
import { Inngest } from "inngest";
import { inngestClientOptions } from "@/lib/jobs/client-options";
import { INNGEST_APP_ID } from "@/lib/jobs/config";

export const inngest = new Inngest({ id: INNGEST_APP_ID, ...inngestClientOptions() });
