// `npm start`: migrate (and seed the demo account where it is shown), then serve the production build.
// RESET_DATA_DIR=1 starts from an empty DATA_DIR under .test-data/ (the end-to-end tests use it).
import { prepareRuntime } from "./prepare-runtime";
import { runNext } from "./run-next";

prepareRuntime({ resetData: process.env.RESET_DATA_DIR === "1" })
  .then(() => runNext(["start", "--port", process.env.PORT ?? "3000"]))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
