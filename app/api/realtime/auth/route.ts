import { json, withWorkspace } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { authorizeSubscription, channelAuthRequestSchema } from "@/lib/realtime/authorize-subscription";

/** pusher-js sends two short form fields; nothing legitimate comes near this. */
const MAX_FORM_BYTES = 2048;

// POST /api/realtime/auth – sign a pusher-js subscription to a private or presence channel
export const POST = withWorkspace(
  async ({ request, user, requestId }) => {
    const text = await request.text();
    if (text.length > MAX_FORM_BYTES) {
      throw new AppError("payload_too_large:body", "The request body is too large.");
    }
    const form = Object.fromEntries(new URLSearchParams(text));
    const auth = await authorizeSubscription({ user, request: channelAuthRequestSchema.parse(form) });
    return json(auth, { requestId });
  },
  // pusher-js re-authorizes every channel on each reconnect; these are not writes.
  { rateLimits: [] },
);
