/**
 * A computation's results kept by request (the last `size`; the least recently used goes first), each
 * request computed once (a second caller of a request in flight waits for the same computation). A kept
 * result is returned itself, not as a promise, so that it can be drawn in the task that asked for it.
 * Requests are compared by their JSON text.
 */
export function keptResults<Req, Res>(
  compute: (req: Req) => Promise<Res>,
  size: number,
): (req: Req) => Res | Promise<Res> {
  const kept = new Map<string, Res>();
  const inFlight = new Map<string, Promise<Res>>();
  return (req) => {
    const key = JSON.stringify(req);
    if (kept.has(key)) {
      const hit = kept.get(key)!;
      kept.delete(key); // most recently used last
      kept.set(key, hit);
      return hit;
    }
    let running = inFlight.get(key);
    if (!running) {
      running = compute(req).then(
        (result) => {
          inFlight.delete(key);
          kept.set(key, result);
          if (kept.size > size) kept.delete(kept.keys().next().value!);
          return result;
        },
        (error: unknown) => {
          inFlight.delete(key);
          throw error;
        },
      );
      inFlight.set(key, running);
    }
    return running;
  };
}
