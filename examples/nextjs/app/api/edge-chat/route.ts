import { init } from "@sightline/edge";
import { after } from "next/server";
import { askMockModel } from "../../../lib/ask-mock-model";

export const runtime = "edge";
export const dynamic = "force-dynamic";

/** An edge-runtime route; init() returns the telemetry instrumentation.ts started, and after() flushes it. */
export async function GET(request: Request): Promise<Response> {
  const telemetry = init({ serviceName: "nextjs-example-edge" });
  after(() => telemetry.flush());
  return askMockModel(request);
}
