// `npm run preview:gateway`: the preview gateway on its own, for deployments where the studio runs
// on Vercel — its functions can neither listen nor hold the preview's HMR websocket. Run it on any
// Node host with the studio's environment: DATABASE_URL (preview sessions are looked up there),
// AUTH_SECRET (preview tokens are signed with it), E2B_API_KEY, APP_URL (the one origin allowed to
// frame previews), PREVIEW_ORIGIN (the Host names it answers for), and the KV, storage and
// realtime settings, which resuming a paused preview uses. It listens on
// PREVIEW_LISTEN_HOST:PREVIEW_PORT, behind whatever terminates TLS with the wildcard certificate for
// PREVIEW_ORIGIN's domain (README, "Previews in production"). It migrates nothing: the studio does.
import { databaseDriver, disconnectDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startPreviewGatewayService } from "@/lib/preview/gateway/start";
import { getPreviewProvider } from "@/lib/preview/provider";

function refuse(message: string): never {
  console.error(`[pagecraft] preview gateway: ${message}`);
  process.exit(1);
}

async function main() {
  if (databaseDriver() !== "postgres")
    refuse(
      "set DATABASE_URL to the studio's PostgreSQL. (The embedded PGlite database has one writer, the " +
        "studio's process, whose own gateway serves previews: `npm run dev` / `npm start`.)",
    );
  if (!env.AUTH_SECRET) refuse("set AUTH_SECRET to the studio's: preview links are signed with it.");
  const provider = await getPreviewProvider();
  if (provider.driver !== "e2b")
    refuse(
      "set E2B_API_KEY. Local previews' dev servers live in the studio's process, whose own gateway " +
        "serves them.",
    );
  if (!env.PREVIEW_ORIGIN)
    console.warn(
      "[pagecraft] preview gateway: PREVIEW_ORIGIN is not set, so previews are at " +
        `http://<id>.preview.localhost:${env.PREVIEW_PORT}, which only a browser on this machine reaches.`,
    );
  await getDb().$queryRaw`SELECT 1`.catch((error: Error) =>
    refuse(`the database cannot be reached: ${error.message}`),
  );

  const gateway = await startPreviewGatewayService();
  if (!gateway) process.exit(1);
  const stop = async () => {
    await gateway.close();
    await disconnectDb();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
