import { withContext } from "@sightline/core";
import type { MockUsage } from "@sightline/testing";
import type OpenAI from "openai";
import { SUPPORT_FEATURE } from "./create-demo-governance.js";
import { inSceneSpan, MODEL, type SceneContext } from "./scene-context.js";

/** The `gen_ai.conversation.id` every turn shares. */
export const CONVERSATION_ID = "support-1042";

/** The address the first message gives; redaction must keep it off the spans. */
export const CUSTOMER_EMAIL = "ana.silva@example.com";

const TURNS: { user: string; answer: string; usage: MockUsage }[] = [
  {
    user: `Hi, I'm ${CUSTOMER_EMAIL} and my order #1042 has not arrived.`,
    answer: "Sorry about that! Order #1042 left our warehouse on Monday and should arrive by Friday.",
    usage: { inputTokens: 110, outputTokens: 40 },
  },
  {
    user: "Can you send me the tracking link?",
    answer: "Of course: https://track.example.com/1042. It updates every few hours.",
    usage: { inputTokens: 180, outputTokens: 50 },
  },
  {
    user: "Thanks. Can I still change the delivery address?",
    answer: "Yes, until it is out for delivery: reply with the new address and I will update it.",
    usage: { inputTokens: 250, outputTokens: 50 },
  },
];

/**
 * A support conversation of three turns, each its own trace as in a web app (one request per turn), all
 * sharing one `gen_ai.conversation.id`. Content capture is on for the demo client, so the messages are on the
 * spans, with the customer's e-mail address redacted. The turns' tokens bring the support budget to 85%.
 */
export async function runConversationScene(scene: SceneContext): Promise<void> {
  await scene.announce(
    `7 · a support conversation: ${TURNS.length} turns sharing gen_ai.conversation.id ${CONVERSATION_ID}, messages captured (an e-mail address redacted)`,
  );
  scene.script(...TURNS.map((turn) => ({ text: turn.answer, usage: turn.usage })));
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: "You are the support assistant of an online shop. Be brief." },
  ];
  for (const [index, turn] of TURNS.entries()) {
    messages.push({ role: "user", content: turn.user });
    const response = await inSceneSpan(
      { tracer: scene.tracer, name: `scene 7: support turn ${index + 1}` },
      () =>
        withContext({ feature: SUPPORT_FEATURE, conversationId: CONVERSATION_ID, userId: "customer-7" }, () =>
          scene.openai.chat.completions.create({ model: MODEL, messages: [...messages] }),
        ),
    );
    messages.push({ role: "assistant", content: response.choices[0]?.message.content ?? "" });
  }
  for (const usage of scene.governance.usage()) {
    const share = Math.round((usage.used / usage.limit) * 100);
    scene.write(
      `  budget ${usage.budget}: ${usage.used} of ${usage.limit} ${usage.unit} this ${usage.window} (${share}%)\n`,
    );
  }
}
