import { trace } from "@opentelemetry/api";
import { after } from "next/server";
import { askMockModel } from "../../../lib/ask-mock-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A Node-runtime route; its span is exported by the SDK that instrumentation.ts started with @sightline/node. */
export async function GET(request: Request): Promise<Response> {
  // On serverless hosts the instance may freeze after the response: export first, after it is sent.
  after(() => flushTracerProvider());
  return askMockModel(request);
}

/** Flushes the registered tracer provider (the one @sightline/node's init() set up), if it can flush. */
async function flushTracerProvider(): Promise<void> {
  const registered = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const provider = (registered.getDelegate?.() ?? registered) as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.();
}
