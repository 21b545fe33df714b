/**
 * A background loop in this process: runs `round` at once, then `pollMs` after each round ends, until stopped. A round
 * that throws goes to `onError` and the loop goes on. `round` may check `isStopped` to end early. Returns a function
 * that stops the loop, resolving once the current round has ended.
 */
export function startPollLoop(options: {
  round: (isStopped: () => boolean) => Promise<void>;
  pollMs: number;
  onError: (err: unknown) => void | Promise<void>;
}): () => Promise<void> {
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;

  function loop() {
    if (isStopped) return;
    current = options
      .round(() => isStopped)
      .catch(options.onError)
      .finally(() => {
        current = null;
        if (!isStopped) {
          timer = setTimeout(loop, options.pollMs);
          timer.unref();
        }
      });
  }
  loop();
  return async () => {
    isStopped = true;
    clearTimeout(timer);
    await current;
  };
}
