// The sandbox provider previews run on: the environment's (lib/sandbox), or one a test sets.
// Loaded lazily: every commit path reaches lib/preview (sync-version), and scripts and benches
// that commit versions must not load the sandbox drivers (server-only) unless a preview is live.
import type { SandboxProvider } from "@/lib/sandbox/types";

export async function getPreviewProvider(): Promise<SandboxProvider> {
  const { getSandboxProvider } = await import("@/lib/sandbox");
  return getSandboxProvider();
}

/** Tests run the preview service on a provider of their own (undefined: back to the environment's). */
export async function setPreviewProvider(provider: SandboxProvider | undefined): Promise<void> {
  const { setSandboxProvider } = await import("@/lib/sandbox");
  setSandboxProvider(provider);
}

/** Drivers that pause idle sandboxes themselves (local, E2B) are told someone is still looking. */
export async function keepSandboxAlive(sandboxId: string): Promise<void> {
  await (await getPreviewProvider()).keepAlive?.(sandboxId).catch(() => undefined);
}
