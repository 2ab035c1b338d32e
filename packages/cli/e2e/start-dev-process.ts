import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built command, as a user runs it. */
export const CLI_PATH = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** A running `sightline dev` child process. */
export interface DevProcess {
  /** Receiver base URL from the banner, e.g. `http://127.0.0.1:43111`. */
  url: string;
  /** The `web UI: …` address from the banner; `undefined` with `--no-ui`. */
  uiUrl: string | undefined;
  /** Everything it printed so far. */
  output(): string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code once it has stopped. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node dist/cli.js dev --port 0 …` on this Node and waits for its banner, so a test drives the real
 * command over real HTTP rather than an in-process server.
 */
export async function startDevProcess(options: { args: string[] }): Promise<DevProcess> {
  const child = spawn(process.execPath, [CLI_PATH, "dev", "--port", "0", ...options.args], {
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const collect = (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await waitForBanner({ child, read: () => printed, exited });
  const uiUrl = /web UI: (http:\/\/\S+)/.exec(printed)?.[1];
  return {
    url,
    uiUrl,
    output: () => printed,
    async stop() {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
  };
}

async function waitForBanner(options: {
  child: ChildProcess;
  read: () => string;
  exited: Promise<number | null>;
}): Promise<string> {
  const deadline = Date.now() + 15_000;
  let exitCode: number | null | undefined;
  void options.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    // The banner ends with a blank line, after the web UI and store lines when there are any.
    const printed = options.read();
    const match = /receiver on (http:\/\/[\d.:]+)/.exec(printed);
    if (match?.[1] && printed.includes("\n\n")) return match[1];
    if (exitCode !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  options.child.kill("SIGKILL");
  throw new Error(`sightline dev printed no banner (exit ${exitCode}):\n${options.read()}`);
}
