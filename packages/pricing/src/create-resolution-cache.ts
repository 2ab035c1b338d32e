/**
 * Resolutions remembered per provider, region and model, as nested maps: each call looks up the strings it was
 * given (already hashed) instead of joining them into a fresh key string that must be hashed on every call.
 * `null` remembers "no price". Bounded: cleared when `limit` models are held.
 */
export interface ResolutionCache<T> {
  get(provider: string, region: string, model: string): T | null | undefined;
  set(provider: string, region: string, model: string, value: T | null): void;
  clear(): void;
}

export function createResolutionCache<T>(limit: number): ResolutionCache<T> {
  let byProvider = new Map<string, Map<string, Map<string, T | null>>>();
  let size = 0;
  return {
    get(provider, region, model) {
      return byProvider.get(provider)?.get(region)?.get(model);
    },
    set(provider, region, model, value) {
      if (size >= limit) this.clear();
      let byRegion = byProvider.get(provider);
      if (byRegion === undefined) {
        byRegion = new Map();
        byProvider.set(provider, byRegion);
      }
      let byModel = byRegion.get(region);
      if (byModel === undefined) {
        byModel = new Map();
        byRegion.set(region, byModel);
      }
      if (!byModel.has(model)) size += 1;
      byModel.set(model, value);
    },
    clear() {
      byProvider = new Map();
      size = 0;
    },
  };
}
