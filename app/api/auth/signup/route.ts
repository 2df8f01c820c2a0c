// POST /api/auth/signup – create an account and its personal workspace
import { clientIp } from "@/lib/api/client-ip";
import { json, withPublic } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/read-json";
import { signUpBodySchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { enforceRateLimit } from "@/lib/kv/rate-limit";

export const POST = withPublic(async ({ request, requestId }) => {
  await enforceRateLimit("signUpPerIp", clientIp(request.headers) ?? "unknown");
  const body = signUpBodySchema.parse(await readJsonBody(request));
  const user = await signUp(body);
  return json({ user }, { status: 201, requestId });
});
