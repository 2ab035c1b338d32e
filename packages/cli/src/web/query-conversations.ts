import type { SqliteDatabase } from "../store/sqlite-types.js";
import { convertStoredSpan, STORED_SPAN_COLUMNS } from "./convert-stored-span.js";
import type { ConversationDetailResponse, ConversationListResponse } from "./dev-api-types.js";

const MAX_CONVERSATIONS = 200;

/** Conversations (GenAI spans grouped by `gen_ai.conversation.id`), newest first, at most 200. */
export function queryConversationList(database: SqliteDatabase): ConversationListResponse {
  const rows = database
    .prepare(
      `SELECT conversation_id, COUNT(*) AS calls, MIN(start_ms) AS first_ms, MAX(start_ms + duration_ms) AS last_ms,
         SUM(cost_usd) AS cost_usd, json_group_array(DISTINCT model) AS models
       FROM spans WHERE conversation_id IS NOT NULL AND is_genai = 1
       GROUP BY conversation_id ORDER BY last_ms DESC LIMIT ?`,
    )
    .all(MAX_CONVERSATIONS);
  return {
    conversations: rows.map((row) => ({
      conversationId: String(row.conversation_id),
      calls: Number(row.calls),
      firstMs: Number(row.first_ms),
      lastMs: Number(row.last_ms),
      costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
      models: (JSON.parse(String(row.models)) as (string | null)[])
        .filter((model): model is string => model !== null)
        .sort(),
    })),
  };
}

/** Every GenAI span of one conversation, oldest first; `undefined` when the store has none. */
export function queryConversationDetail(options: {
  database: SqliteDatabase;
  conversationId: string;
}): ConversationDetailResponse | undefined {
  const rows = options.database
    .prepare(
      `SELECT ${STORED_SPAN_COLUMNS} FROM spans WHERE conversation_id = ? AND is_genai = 1 ORDER BY start_ms, span_id`,
    )
    .all(options.conversationId);
  if (rows.length === 0) return undefined;
  return { conversationId: options.conversationId, calls: rows.map(convertStoredSpan) };
}
