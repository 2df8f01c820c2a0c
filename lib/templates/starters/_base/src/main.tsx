import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";
import { site } from "./site";
import "./index.css";

// Light or dark is decided in src/site.ts; theme.css defines both palettes.
document.documentElement.classList.toggle("dark", site.mode === "dark");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
