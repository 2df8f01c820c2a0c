// GET /api/storage/[...key] – download through a signed link (local storage driver)
// PUT /api/storage/[...key] – upload through a signed link (local storage driver)
import { withPublic } from "@/lib/api/handler";
import { acceptSignedUpload, serveSignedDownload } from "@/lib/storage/serve-link";

export const dynamic = "force-dynamic";

export const GET = withPublic<{ key: string[] }>(({ request, params }) =>
  serveSignedDownload(request, params.key),
);

export const PUT = withPublic<{ key: string[] }>(({ request, params }) =>
  acceptSignedUpload(request, params.key),
);
