// Runs once when a Next.js server process starts. On the embedded defaults it starts the
// in-process services that production gets from vendors (realtime server, local job executor).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedServices } = await import("./lib/embedded/start");
  await startEmbeddedServices();
}
