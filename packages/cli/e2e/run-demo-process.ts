import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built offline demo (examples/demo), as `pnpm start` runs it. */
export const DEMO_PATH = fileURLToPath(new URL("../../../examples/demo/dist/main.js", import.meta.url));

/**
 * Runs the offline demo as its own process on this Node with its store at `storePath`, and resolves with
 * what it printed once it exits (its own sightline dev closed by then). Rejects on a non-zero exit.
 */
export async function runDemoProcess(options: { storePath: string }): Promise<string> {
  const child = spawn(process.execPath, [DEMO_PATH], {
    env: { ...process.env, SIGHTLINE_DEV_STORE: options.storePath, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`the demo exited with ${code}:\n${stdout}\n${stderr}`);
  return stdout;
}
