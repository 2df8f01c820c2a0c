// GET, POST /api/auth/* – next-auth's own endpoints (csrf, session, credentials and OAuth callbacks)
import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/errors-to-response";
import { requestIdOf } from "@/lib/api/handler";
import { handlers } from "@/lib/auth/auth";
import { RATE_LIMITS } from "@/lib/kv/limits";
import { rateLimitError } from "@/lib/kv/rate-limit";

export const { GET } = handlers;

// A rate-limited credentials sign-in answers 429 with Retry-After, as every other limited endpoint
// does, instead of next-auth's redirect to /sign-in?error=CredentialsSignin&code=rate_limit:<s>.
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const location = response.headers.get("location");
  const code = location ? new URL(location, request.url).searchParams.get("code") : null;
  if (!code?.startsWith("rate_limit:")) return response;
  const seconds = Number(code.slice("rate_limit:".length)) || 60;
  return errorResponse(rateLimitError(RATE_LIMITS.signInPerIp, seconds), requestIdOf(request));
}
