import { init } from "@sightline/node";
import { after } from "next/server";
import { askMockModel } from "../../../lib/ask-mock-model";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A Node-runtime route; its span is exported by the SDK that instrumentation.ts started with @sightline/node. */
export async function GET(request: Request): Promise<Response> {
  // init() returns the telemetry instrumentation.ts started. On serverless hosts the instance may freeze
  // after the response, so export once the response is sent.
  const telemetry = init();
  after(() => telemetry.flush());
  return askMockModel(request);
}
