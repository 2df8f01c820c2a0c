import type { z } from "zod";

/** Parses the query string with a schema; `workspaceId` belongs to the wrapper, not the route. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  delete params.workspaceId;
  return schema.parse(params);
}
