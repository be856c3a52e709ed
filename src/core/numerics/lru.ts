/**
 * A pure computation memoized for the `size` most recently used arguments (consumers only read the
 * results). Arguments are told apart by `keyOf`.
 */
export function lruMemo<A, K, V>(size: number, keyOf: (arg: A) => K, compute: (arg: A) => V): (arg: A) => V {
  const kept = new Map<K, V>();
  return (arg) => {
    const key = keyOf(arg);
    const hit = kept.get(key);
    if (hit !== undefined) {
      kept.delete(key); // most recently used last
      kept.set(key, hit);
      return hit;
    }
    const value = compute(arg);
    kept.set(key, value);
    if (kept.size > size) kept.delete(kept.keys().next().value as K);
    return value;
  };
}
