// One read shared by the requests that wait for it, none of them given an answer older than their own
// arrival. The busiest visitors' pages read the directory's edition on every request (one row, one
// round trip) to know whether the page they keep still holds: with fifty requests at once, fifty
// round trips to PostgreSQL cost more than the page. A caller joins the read that starts next, never
// one already under way (it may have begun before a change the caller must see), so what it gets was
// read after it asked, exactly as if it had read alone.

export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  /** The read under way; callers that come now wait for the one after it. */
  let running: Promise<T> | undefined;
  /** The read that starts once the running one ends, with every caller that came meanwhile. */
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const reading = read();
    running = reading;
    const done = () => {
      if (running === reading) running = undefined;
    };
    reading.then(done, done);
    return reading;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
