// The sandbox provider for this process: E2B when E2B_API_KEY is set, else the local driver.
import "server-only";
import { env } from "@/lib/env";
import { createE2BProvider } from "./e2b";
import { LocalSandboxProvider } from "./local/provider";
import type { SandboxProvider } from "./types";

const globalForSandbox = globalThis as unknown as { pagecraftSandboxProvider?: SandboxProvider };

export function getSandboxProvider(): SandboxProvider {
  globalForSandbox.pagecraftSandboxProvider ??= env.E2B_API_KEY
    ? createE2BProvider({ apiKey: env.E2B_API_KEY, templateId: env.E2B_TEMPLATE_ID })
    : new LocalSandboxProvider();
  return globalForSandbox.pagecraftSandboxProvider;
}

/** Replaces the provider (tests, benchmarks). */
export function setSandboxProvider(provider: SandboxProvider | undefined) {
  globalForSandbox.pagecraftSandboxProvider = provider;
}

/** Starts the local driver's warm pool and idle sweep with the studio (no-op on E2B). */
export async function startEmbeddedSandboxes(): Promise<void> {
  const provider = getSandboxProvider();
  if (provider instanceof LocalSandboxProvider) await provider.init();
}
