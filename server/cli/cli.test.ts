import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.ts';
import { buildMessages } from '../modules/insight/insight.fixtures.ts';
import type { CliIo } from './io.ts';

function captureIo(showProgress = false) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, showProgress };
  return { io, out: () => out, err: () => err };
}

const dir = await mkdtemp(join(tmpdir(), 'lianxin-cli-'));
const trainFile = join(dir, 'train.jsonl');
await writeFile(trainFile, `${buildMessages(15, 5).map((m) => JSON.stringify(m)).join('\n')}\n{"id":"broken"\n`);

describe('lianxin CLI', () => {
  it('prints help and refuses unknown commands', async () => {
    const help = captureIo();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/classify/);
    expect(help.out()).toMatch(/hotspots/);
    const unknown = captureIo();
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err()).toMatch(/unknown command/);
  });

  describe('classify', () => {
    it('trains a model into a directory, skipping malformed lines', async () => {
      const run = captureIo();
      const code = await main(['classify', 'train', '--input', trainFile, '--label', 'category', '--model', join(dir, 'model')], run.io);
      expect(code).toBe(0);
      const summary = JSON.parse(run.out());
      expect(summary).toMatchObject({ examples: 45, classes: 3 });
      expect(summary.holdout.accuracy).toBeGreaterThan(0.8);
      expect(run.err()).toMatch(/train.jsonl:46 is not a JSON object/);
      expect(JSON.parse(await readFile(join(dir, 'model', 'report.json'), 'utf8')).holdout.confusion).toHaveLength(3);
    });

    it('predicts one JSON line per record, with a reason when there is no suggestion', async () => {
      await main(['classify', 'train', '--input', trainFile, '--label', 'category', '--model', join(dir, 'model')], captureIo().io);
      const input = join(dir, 'predict.jsonl');
      await writeFile(input, [
        JSON.stringify({ id: 1, title: '夜间施工噪音扰民', body: '工地噪音和粉尘污染严重' }),
        JSON.stringify({ id: 2, title: '', body: '' }),
        JSON.stringify({ title: '学校乱收费', content: '学校向学生收取补课费' }),
      ].join('\n'));
      const run = captureIo();
      expect(await main(['classify', 'predict', '--model', join(dir, 'model'), '--input', input], run.io)).toBe(0);
      const lines = run.out().trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({ id: 1, label: '环境保护' });
      expect(lines[0].top).toHaveLength(3);
      expect(lines[0].top[0]).toEqual({ label: '环境保护', confidence: lines[0].confidence });
      expect(lines[1]).toMatchObject({ id: 2, label: null, confidence: null, reason: { code: 'empty' } });
      expect(lines[2]).toMatchObject({ id: 3, label: '教育文体' });
    });

    it('cross-validates and prints accuracy and macro-F1 as JSON', async () => {
      const run = captureIo(true);
      expect(await main(['classify', 'evaluate', '--input', trainFile, '--label', 'category', '--folds', '3'], run.io)).toBe(0);
      const result = JSON.parse(run.out());
      expect(result.folds).toBe(3);
      expect(result.perFold).toHaveLength(3);
      expect(result.macroF1).toBeGreaterThan(0.8);
      expect(result.accuracy).toBeGreaterThan(0.8);
      expect(result.confusion).toHaveLength(3);
    });

    it('explains missing models, missing options and unusable data', async () => {
      const noModel = captureIo();
      expect(await main(['classify', 'predict', '--model', join(dir, 'nothing'), '--input', trainFile], noModel.io)).toBe(1);
      expect(noModel.err()).toMatch(/no model/);
      const noLabel = captureIo();
      expect(await main(['classify', 'train', '--input', trainFile, '--model', join(dir, 'm2')], noLabel.io)).toBe(2);
      expect(noLabel.err()).toMatch(/--label is required/);
      const badFolds = captureIo();
      expect(await main(['classify', 'evaluate', '--input', trainFile, '--label', 'category', '--folds', '1'], badFolds.io)).toBe(2);
      const wrongLabel = captureIo();
      expect(await main(['classify', 'train', '--input', trainFile, '--label', 'nope', '--model', join(dir, 'm3')], wrongLabel.io)).toBe(1);
      expect(wrongLabel.err()).toMatch(/usable training examples/);
      const noFile = captureIo();
      expect(await main(['classify', 'evaluate', '--input', join(dir, 'absent.jsonl'), '--label', 'category'], noFile.io)).toBe(1);
      expect(noFile.err()).toMatch(/cannot read input file/);
    });
  });
});
