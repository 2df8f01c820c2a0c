// For the preview gateway: how to reach a local sandbox's dev server. Inside bubblewrap the server
// has no network of its own (`--unshare-net`) and listens on a Unix socket in its run folder;
// without bubblewrap it listens on 127.0.0.1 on a port the kernel picked.
//
// The gateway forwards every HTTP request and every WebSocket upgrade verbatim. Vite's HMR socket
// is on the same server at the path HMR_PATH ("/__vite_hmr", subprotocol "vite-hmr", with Vite's
// `?token=` query), and the client in the page connects back to the page's own origin (the
// gateway's), so no host or port rewriting is needed. Host headers ending in `.localhost` are
// accepted by Vite's host check as they are.
import "server-only";
import { getSandboxProvider } from "./index";
import { LocalSandboxProvider } from "./local/provider";

export { HMR_PATH } from "./local/sandbox";

export interface LocalDevServerEndpoint {
  socketPath?: string;
  host?: string;
  port?: number;
}

/**
 * The dev server of `sandboxId`, or null when it is not serving (paused, booting before it
 * listens, crashed, unknown, or the sandboxes are not local). Counts as activity for idle pausing.
 */
export async function localDevServerEndpoint(sandboxId: string): Promise<LocalDevServerEndpoint | null> {
  const provider = getSandboxProvider();
  if (!(provider instanceof LocalSandboxProvider)) return null;
  await provider.init();
  return provider.endpoint(sandboxId);
}
