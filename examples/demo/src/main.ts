import { runDemo } from "./run-demo.js";

await runDemo({
  write: (text) => process.stdout.write(text),
  env: process.env,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
});
