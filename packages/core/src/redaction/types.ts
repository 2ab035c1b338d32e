/** One pattern-based detector: every match of `pattern` that passes `validate` is replaced. */
export interface RedactionPatternRule {
  /** The kind named in the placeholder (`[REDACTED:<kind>]`) and in the count attribute. Use `snake_case`. */
  kind: string;
  /** What to find. Made global if it is not; keep quantifiers bounded so no input can make it slow. */
  pattern: RegExp;
  /** Confirms a match (a checksum, a digit count); a match it rejects stays as it is. Default: every match counts. */
  validate?: (match: string) => boolean;
}

/**
 * A function rule, for what a pattern cannot express: return `text` with every finding replaced by
 * `placeholder`. Sightline counts the findings by counting the placeholders you added.
 */
export interface RedactionFunctionRule {
  /** The kind named in the placeholder and in the count attribute. */
  kind: string;
  /** Returns the text with findings replaced by `placeholder`. */
  replace: (text: string, placeholder: string) => string;
}

/** A user rule: a pattern or a function. */
export type RedactionRule = RedactionPatternRule | RedactionFunctionRule;

/** Options of {@link createRedactor}, and the `redaction` option of every wrapper. */
export interface RedactionOptions {
  /**
   * Built-in detectors to run: `true` for all of them, `false` for none, or a list of kinds
   * (see `BUILT_IN_REDACTION_KINDS`). Default: `true`.
   */
  detectors?: boolean | readonly string[];
  /** Your own rules, run after the built-ins (so they see text the built-ins already cleaned). Default: none. */
  rules?: readonly RedactionRule[];
  /**
   * Findings kept as they are: an exact string (the whole match, e.g. your support address) or a
   * pattern tested against the match. Applies to built-ins and pattern rules. Default: none.
   */
  allow?: readonly (string | RegExp)[];
  /** Builds the placeholder a finding is replaced with. Default: `` kind => `[REDACTED:${kind}]` ``. */
  placeholder?: (kind: string) => string;
}

/** What one redaction pass found and left. */
export interface RedactionResult {
  /** The cleaned text (the same string when nothing was found). */
  text: string;
  /** Findings per kind; empty when nothing was found. */
  counts: Readonly<Record<string, number>>;
}

/** A configured redactor; cheap to call, safe to share between wrappers and exporters. */
export interface Redactor {
  /** Replaces every finding in `text` with its typed placeholder. Never throws. */
  redact(text: string): RedactionResult;
}
