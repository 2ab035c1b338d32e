import { getSightlineContext, withContext } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";

/** One chat completion inside `withContext`, answered as JSON; shared by the Node and the edge route. */
export async function askMockModel(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const openai = observeOpenAI(
    new OpenAI({
      apiKey: process.env.OPENAI_API_KEY ?? "not-needed-for-the-mock",
      baseURL: process.env.OPENAI_BASE_URL,
      maxRetries: 0,
    }),
  );
  const tenantId = url.searchParams.get("tenant") ?? "unknown";
  const result = await withContext({ feature: "nextjs-chat", tenantId }, async () => {
    const completion = await openai.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: url.searchParams.get("q") ?? "Say hello" }],
    });
    return { answer: completion.choices[0]?.message.content ?? "", context: getSightlineContext() };
  });
  return Response.json(result);
}
