import type { Tracer } from "@opentelemetry/api";
import type { Governance } from "@sightline/core";
import type { MockScript } from "@sightline/testing";
import type OpenAI from "openai";

/** The model every scene asks for. */
export const MODEL = "gpt-4o-mini";

/** What the scenes need from the demo: the wrapped client, the mock's script queue, and output. */
export interface SceneContext {
  openai: OpenAI;
  /** Queues mock answers; does nothing against the real provider. */
  script: (...scripts: MockScript[]) => void;
  tracer: Tracer;
  /** Starts a scene: flushes telemetry, prints the title. */
  announce: (title: string) => Promise<void>;
  write: (text: string) => void;
  /** True against the mock server. */
  offline: boolean;
  /** The demo client's budgets, to show how near their limit the scenes brought them. */
  governance: Governance;
}

/** Runs `run` inside a root span named after the scene, so each scene is one trace. */
export function inSceneSpan<T>(options: { tracer: Tracer; name: string }, run: () => Promise<T>): Promise<T> {
  return options.tracer.startActiveSpan(options.name, async (span) => {
    try {
      return await run();
    } finally {
      span.end();
    }
  });
}
