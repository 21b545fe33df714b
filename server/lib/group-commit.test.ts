import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

/** A writer that records its batches and finishes each one when told to. */
function recordingWriter(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) => {
      pending.push(() => (fail(items) ? reject(new Error(`batch ${items.join(',')} failed`)) : resolve(items.map((n) => n * 10))));
    });
  };
  const finishNext = async () => {
    await new Promise((r) => setImmediate(r));
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, write, finishNext };
}

describe('createGroupCommit', () => {
  it('writes a lone item at once', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write);
    const result = group.submit(1);
    expect(writer.batches).toEqual([[1]]);
    await writer.finishNext();
    expect(await result).toBe(10);
  });

  it('gathers the items that arrive during a write into the next batch, each caller getting its own result', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write);
    const results = [1, 2, 3, 4].map((n) => group.submit(n));
    expect(writer.batches).toEqual([[1]]);
    await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2, 3, 4]]);
    await writer.finishNext();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
  });

  it('caps the batch size and runs at most maxInFlight batches at once', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write, { maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => group.submit(n));
    expect(writer.batches).toEqual([[1], [2]]);
    await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2], [3, 4]]);
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('writes the items of a failed batch one by one, so only the bad item fails', async () => {
    const writer = recordingWriter((items) => items.includes(3));
    const group = createGroupCommit(writer.write);
    const results = [1, 2, 3, 4].map((n) => group.submit(n).catch((error: Error) => error.message));
    await writer.finishNext();
    await writer.finishNext(); // [2,3,4] fails
    for (let i = 0; i < 3; i++) await writer.finishNext();
    expect(writer.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(await Promise.all(results)).toEqual([10, 20, 'batch 3 failed', 40]);
  });
});

describe('createGroupCommit with lingerMs', () => {
  it('waits for company before writing a batch that is not full', async () => {
    const writer = recordingWriter();
    const group = createGroupCommit(writer.write, { lingerMs: 5, maxBatch: 3 });
    const first = group.submit(1);
    await new Promise((r) => setTimeout(r, 1));
    expect(writer.batches).toEqual([]);
    const rest = [2, 3, 4].map((n) => group.submit(n));
    expect(writer.batches).toEqual([[1, 2, 3]]);
    await writer.finishNext();
    await new Promise((r) => setTimeout(r, 10));
    expect(writer.batches).toEqual([[1, 2, 3], [4]]);
    await writer.finishNext();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
  });
});
