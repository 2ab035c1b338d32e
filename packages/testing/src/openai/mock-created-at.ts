/** The fixed `created` timestamp (seconds) of every mock OpenAI object: 2026-01-01T00:00:00Z, for seeded output. */
export const MOCK_CREATED_AT = 1_767_225_600;
