// GET /api/health – each dependency's driver and status; 503 when the database is down
import { json, withPublic } from "@/lib/api/handler";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export const GET = withPublic(async ({ requestId }) => {
  const report = await checkHealth();
  return json(report, { status: report.status === "down" ? 503 : 200, requestId });
});
