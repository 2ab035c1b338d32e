/** Attributes `withContext` puts on every span (and, for the low-cardinality ones, metrics) inside it. */
export interface SightlineContext {
  /** `gen_ai.conversation.id`: a session or thread id you already have. */
  conversationId?: string;
  /** `user.id`: the end user (spans only). */
  userId?: string;
  /** `sightline.tenant.id` (spans only). */
  tenantId?: string;
  /** `sightline.feature`: the product feature making the call (spans and metrics). */
  feature?: string;
  /** `sightline.prompt.id`: a named prompt template (spans and metrics). */
  promptId?: string;
  /** `sightline.prompt.version` (spans and metrics). */
  promptVersion?: string;
}
