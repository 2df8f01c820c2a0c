// The serve handler for every function: mounted at app/api/inngest by Next.js, and driven in
// process by the local executor (the same handler object, so both see the same requests).
import { serve } from "inngest/next";
import type { ServeHandler } from "@/lib/jobs/types";
import { inngest } from "./client";
import { functions } from "./functions";

export const inngestHandler = serve({ client: inngest, functions, servePath: "/api/inngest" });

/** The handler as the local executor calls it: a plain Request (the Next adapter reads only url,
 * method, headers and text()). */
export const localServeHandler: ServeHandler = (request) => inngestHandler(request as never, undefined);
