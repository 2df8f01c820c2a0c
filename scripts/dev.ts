// `npm run dev`: migrate and seed the embedded (or configured) database, then start Next.js.
import { prepareRuntime } from "./prepare-runtime";
import { runNext } from "./run-next";

prepareRuntime()
  .then(() => runNext(["dev", "--port", process.env.PORT ?? "3000"]))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
