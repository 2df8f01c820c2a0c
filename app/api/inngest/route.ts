// GET/POST/PUT /api/inngest – the Inngest serve endpoint (sync, introspection, function calls)
import { inngestHandler } from "@/inngest/serve";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = inngestHandler;
