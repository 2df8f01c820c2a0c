// GET /api/templates – the starter templates a project can be created from
import { json, withPublic } from "@/lib/api/handler";
import { listTemplates } from "@/lib/templates/registry";

export const GET = withPublic(async ({ requestId }) => {
  const items = listTemplates().map(({ id, name, description }) => ({ id, name, description }));
  return json({ items }, { requestId });
});
