// Image build step: start the launcher on the starter project, request the page and its main
// module (which makes Vite pre-bundle the dependencies into cache/), then stop.
import { spawn } from "node:child_process";
import http from "node:http";

const config = {
  root: "/home/user/pagecraft/app",
  cacheDir: "/home/user/pagecraft/cache",
  port: 5173,
  host: "127.0.0.1",
};
const child = spawn("node", ["/home/user/pagecraft/launcher.mjs"], {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
  env: { ...process.env, PAGECRAFT_DEV_SERVER: JSON.stringify(config) },
});
const get = (path) =>
  new Promise((resolve, reject) =>
    http
      .get({ host: "127.0.0.1", port: 5173, path }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      })
      .on("error", reject),
  );
child.on("message", async (message) => {
  if (message.type !== "listening") return;
  const main = await get("/src/main.tsx");
  for (const [, url] of main.body.matchAll(/from "(\/[^"]+)"/g)) await get(url);
  console.log("warmed:", main.status);
  child.kill("SIGTERM");
  process.exit(main.status === 200 ? 0 : 1);
});
