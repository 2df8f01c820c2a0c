// GET, POST /api/auth/* – next-auth's own endpoints (csrf, session, credentials and OAuth callbacks)
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
