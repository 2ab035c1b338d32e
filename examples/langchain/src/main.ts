import { runExample } from "./run-example.js";

await runExample({
  write: (text) => process.stdout.write(text),
  env: process.env,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
});
