// Gives every request an id (kept if the caller sent a sane one) and echoes it on the response,
// so a person can quote it to support and our log lines can be matched to it.
import { type NextRequest, NextResponse } from "next/server";

const sane = /^[A-Za-z0-9_-]{8,64}$/;

export function proxy(request: NextRequest) {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && sane.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

// Storage links are left out: the proxy buffers request bodies (10 MB by default) and would cut
// off large presigned uploads; that route makes its own request id.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/storage/).*)"],
};
