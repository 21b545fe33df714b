import { describe, expect, it } from 'vitest';
import { deserializeClassifier } from './model-io.ts';
import { TrainingDataError } from './text-classifier.ts';
import { trainClassifierInThread } from './training-thread.ts';

const texts: Record<string, string[]> = {
  lights: ['路灯不亮晚上很黑', '小区路灯坏了好几天', '路口路灯一直不亮', '街道路灯损坏无人修'],
  noise: ['装修噪音扰民到深夜', '楼上装修噪音太大', '工地夜间施工噪音扰民', '广场舞噪音扰民'],
};
const examples = Object.entries(texts).flatMap(([label, list]) =>
  Array.from({ length: 10 }, (_, i) => ({ title: '', body: `${list[i % list.length]}${i}号`, label })),
);

// a worker thread compiles its TypeScript on start: seconds on a busy machine
describe('trainClassifierInThread', { timeout: 30_000 }, () => {
  it('trains on a worker thread and returns a model the main thread can load', async () => {
    const result = await trainClassifierInThread(examples, undefined);
    expect(result.labelCount).toBe(2);
    expect(result.trainedOn.examples).toBe(20);
    const classifier = deserializeClassifier(result.model);
    expect([...classifier.labels].sort()).toEqual(['lights', 'noise']);
  });

  it('hands back too little data as the same TrainingDataError the caller reports', async () => {
    const error = await trainClassifierInThread(examples.slice(0, 3), undefined).catch((e) => e);
    expect(error).toBeInstanceOf(TrainingDataError);
    expect(error.code).toMatch(/too_few/);
    expect(error.messageEn).toBeTruthy();
  });
});
