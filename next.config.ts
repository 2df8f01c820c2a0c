import type { NextConfig } from "next";
// Importing the env validates every variable at start-up, with a message naming the bad one.
import "./lib/env";

const nextConfig: NextConfig = {
  // Packages with native or WebAssembly parts are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "@prisma/schema-engine-wasm",
    "pg",
    // The embedded realtime server and its publishing client (optional native add-ons, node-fetch).
    "ws",
    "pusher",
  ],
  // Template sources are read from disk at run time; ship them with every server function.
  outputFileTracingIncludes: {
    "/**": ["./lib/templates/starters/**/*", "./lib/templates/sections/**/*", "./prisma/migrations/**/*"],
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
