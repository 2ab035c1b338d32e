// Starts one backend binary with its config, waits until a URL of it answers, and returns a handle to stop it.
// Its output is kept in memory and printed only when it fails to start, so a healthy run stays quiet.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1, released before it is handed to a backend. */
export async function getFreePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns `binary --config <config>` with `env` added, then polls `readyUrl` until it answers any HTTP status.
 * Resolves with `{ stop, output }`; rejects with the backend's output when it exits or is not ready in time.
 */
export async function startBackend({ name, binary, config, env, readyUrl, timeoutMs = 60_000 }) {
  const child = spawn(binary, ["--config", config], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    // Only the tail matters for a diagnosis; a chatty backend must not grow the runner's memory.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} exited while starting:\n${output}`);
    try {
      await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`${name} did not answer ${readyUrl} within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    // A backend that ignores SIGTERM must not hold the CI run.
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
  };
  return { stop, output: () => output };
}
