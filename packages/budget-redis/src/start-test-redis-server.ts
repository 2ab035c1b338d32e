import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** True when a `redis-server` binary is on PATH (Debian package `redis-server`). */
export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** Printed once by each suite that is skipped for want of the binary. */
export const MISSING_REDIS_SERVER =
  "redis-server not found on PATH: the Redis budget store tests are skipped (install it: apt-get install redis-server)";

/** A throw-away redis-server on loopback, without persistence. */
export interface TestRedisServer {
  port: number;
  /** Kills the server at once (SIGKILL, like a crash): every key is gone. */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port (empty: no persistence). */
  restart(): Promise<void>;
}

/** Starts `redis-server` on a free 127.0.0.1 port with `--save '' --appendonly no`, and waits until it accepts connections. */
export async function startTestRedisServer(): Promise<TestRedisServer> {
  const port = await findFreePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      };
      started.stdout?.on("data", onData);
      started.stderr?.on("data", onData);
      started.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
    started.stdout?.removeAllListeners("data");
    started.stderr?.removeAllListeners("data");
    started.stdout?.resume();
    started.stderr?.resume();
  };
  await start();
  return {
    port,
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, "exit");
      running.kill("SIGKILL");
      await exited;
    },
    restart: start,
  };
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
