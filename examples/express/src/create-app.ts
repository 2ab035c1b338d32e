import { trace } from "@opentelemetry/api";
import express, { type Express } from "express";
import type OpenAI from "openai";

/**
 * The service: `POST /ask` answers a question with two model calls (a rewrite, then the answer). The
 * HTTP instrumentation opens the request span; the wrapped client's spans nest under it on their own.
 */
export function createApp(options: { openai: OpenAI }): Express {
  const app = express();
  app.use(express.json());
  app.post("/ask", async (request, response) => {
    // The HTTP instrumentation names server spans by method only; the route makes them findable.
    trace.getActiveSpan()?.updateName("POST /ask");
    trace.getActiveSpan()?.setAttribute("http.route", "/ask");
    const question = String(request.body?.question ?? "");
    try {
      const rewrite = await options.openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: `Rewrite as a search query: ${question}` }],
      });
      const answer = await options.openai.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: `Search query: ${rewrite.choices[0]?.message.content ?? ""}` },
          { role: "user", content: question },
        ],
      });
      response.json({ answer: answer.choices[0]?.message.content ?? "" });
    } catch (error) {
      response.status(502).json({ error: (error as Error).message });
    }
  });
  return app;
}
