// The client's IP address, for per-IP rate limits and the sign-in log: X-Real-IP, else the first
// X-Forwarded-For entry. Vercel sets both itself (a client cannot forge them there), as does a
// reverse proxy configured to (nginx `proxy_set_header X-Real-IP $remote_addr`). When `next start`
// faces the internet directly, Next.js fills X-Forwarded-For from the socket only if the client sent
// none, so per-IP limits are advisory in that setup; the per-account lockout still holds.
// Null when there is no address (tests, scripts calling lib/ directly).
export function clientIp(headers: Headers): string | null {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || null;
}
