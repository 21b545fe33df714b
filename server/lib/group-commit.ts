/**
 * Group commit: calls that arrive while a batch is being written wait and go together in the next batch. Under load
 * many intakes share one transaction (one commit, a few multi-row statements); a lone call is written at once, with
 * no timer to wait for. When a batch fails, each of its items is written again on its own, so one bad item fails
 * only its own caller and the others still succeed.
 */
export interface GroupCommitOptions {
  /** Largest batch; more waiting items go in the next one. */
  maxBatch?: number;
  /** Batches written at the same time (each on its own connection). */
  maxInFlight?: number;
  /**
   * How long a batch that is not full waits for company before it is written. Needed where the database has one
   * connection (PGlite): there a running batch holds up the other requests' earlier queries, so without a wait they
   * reach the queue one at a time, just after each batch has started.
   */
  lingerMs?: number;
}

export function createGroupCommit<T, R>(write: (items: T[]) => Promise<R[]>, options: GroupCommitOptions = {}) {
  const maxBatch = options.maxBatch ?? 64;
  const maxInFlight = options.maxInFlight ?? 1;
  const lingerMs = options.lingerMs ?? 0;
  type Waiting = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;
  let lingering: NodeJS.Timeout | null = null;

  async function writeAlone(waiting: Waiting) {
    try {
      waiting.resolve((await write([waiting.item]))[0]);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function writeBatch(batch: Waiting[]) {
    if (batch.length === 1) return writeAlone(batch[0]);
    let results: R[];
    try {
      results = await write(batch.map((w) => w.item));
    } catch {
      for (const waiting of batch) await writeAlone(waiting);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  function pump() {
    if (inFlight >= maxInFlight || queue.length === 0) return;
    if (lingerMs > 0 && queue.length < maxBatch) {
      lingering ??= setTimeout(() => {
        lingering = null;
        start();
      }, lingerMs);
      return;
    }
    if (lingering) clearTimeout(lingering);
    lingering = null;
    start();
  }

  function start() {
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight++;
      void writeBatch(queue.splice(0, maxBatch)).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    /** Resolves with this item's result once its batch is written (committed). */
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
