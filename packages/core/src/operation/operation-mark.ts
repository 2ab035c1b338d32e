import type { SightlineOperationMark } from "../stacking/sightline-operation-context.js";

/**
 * The mark an operation leaves in its call's context. Made by a constructor rather than as an object literal: it
 * lives as long as the call, and V8 pretenures a literal's allocation site once it sees the site's objects survive
 * a young-generation collection (see `ParseState` in follow/observe-api-promise.ts).
 */
export class OperationMark implements SightlineOperationMark {
  foreignScope?: string;
  constructor(
    readonly operation: string,
    readonly spanId: string,
  ) {}
}
