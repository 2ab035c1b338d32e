import { Redis } from "ioredis";
import { createClient } from "redis";
import type { RedisBudgetClient } from "./types.js";

/** A client as the docs tell users to configure it: offline queue off, quick reconnects, errors listened to. */
export interface TestClient {
  client: RedisBudgetClient;
  /** Reads a key's raw value. */
  get(key: string): Promise<string | null>;
  /** Milliseconds until a key expires (-2 when gone). */
  pttl(key: string): Promise<number>;
  /** Sends any command (e.g. `CLIENT PAUSE`). */
  command(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Which real client library a test drives. */
export type ClientKind = "ioredis" | "redis";

export async function createTestClient(kind: ClientKind, port: number): Promise<TestClient> {
  if (kind === "ioredis") {
    const client = new Redis({
      host: "127.0.0.1",
      port,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 50,
    });
    client.on("error", () => {});
    // Not events.once, which would reject on a connection error before the first ready.
    await new Promise((resolve) => client.once("ready", resolve));
    return {
      client,
      get: (key) => client.get(key),
      pttl: (key) => client.pttl(key),
      command: ([name, ...args]) => client.call(name as string, ...args),
      close: async () => {
        client.disconnect();
      },
    };
  }
  const client = createClient({
    socket: { host: "127.0.0.1", port, reconnectStrategy: () => 50 },
    disableOfflineQueue: true,
  });
  client.on("error", () => {});
  await client.connect();
  return {
    client,
    get: (key) => client.get(key),
    pttl: (key) => client.pTTL(key),
    command: (args) => client.sendCommand(args),
    close: async () => {
      client.destroy();
    },
  };
}
