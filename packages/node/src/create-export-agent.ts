import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Duplex } from "node:stream";

type Connection = Duplex | null | undefined;

/**
 * Makes the HTTP agent the OTLP exporters send with: keep-alive like the exporters' own, but with every
 * socket unref'd, so an export request in flight never keeps a process alive on its own (a backend that
 * accepts and never answers held a finished script open for the request's whole timeout). At exit the
 * flush keeps the process up instead, with a timer bounded by `shutdownTimeoutMs` (see settleWithin).
 */
export function createExportAgent(protocol: string): HttpAgent {
  return protocol === "https:"
    ? new UnrefHttpsAgent({ keepAlive: true })
    : new UnrefHttpAgent({ keepAlive: true });
}

// Node's agent refs a kept-alive socket again whenever it reuses it for a request, so both the new
// socket and every reuse are unref'd.
class UnrefHttpAgent extends HttpAgent {
  override createConnection(...args: Parameters<HttpAgent["createConnection"]>): Connection {
    return unref(super.createConnection(...args));
  }

  override reuseSocket(...args: Parameters<HttpAgent["reuseSocket"]>): void {
    super.reuseSocket(...args);
    unref(args[0]);
  }
}

class UnrefHttpsAgent extends HttpsAgent {
  override createConnection(...args: Parameters<HttpsAgent["createConnection"]>): Connection {
    return unref(super.createConnection(...args));
  }

  override reuseSocket(...args: Parameters<HttpsAgent["reuseSocket"]>): void {
    super.reuseSocket(...args);
    unref(args[0]);
  }
}

function unref(socket: Connection): Connection {
  (socket as { unref?: () => void } | null | undefined)?.unref?.();
  return socket;
}
