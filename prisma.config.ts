// Prisma CLI configuration. The CLI is used for `prisma generate` only: migrations are applied
// and created offline by scripts/db.ts through the WebAssembly schema engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
