// Stands in for the `server-only` package under Vitest, whose default entry throws outside React
// Server Components. Exports nothing, like the real package's "react-server" entry.
export {};
