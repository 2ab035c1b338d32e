import { runDemo } from "./run-demo.js";

await runDemo({ write: (text) => process.stdout.write(text), color: process.stdout.isTTY === true });
