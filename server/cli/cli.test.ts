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
await writeFile(
  trainFile,
  `${buildMessages(15, 5)
    .map((m) => JSON.stringify(m))
    .join('\n')}\n{"id":"broken"\n`,
);

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
      await writeFile(
        input,
        [
          JSON.stringify({ id: 1, title: '夜间施工噪音扰民', body: '工地噪音和粉尘污染严重' }),
          JSON.stringify({ id: 2, title: '', body: '' }),
          JSON.stringify({ title: '学校乱收费', content: '学校向学生收取补课费' }),
        ].join('\n'),
      );
      const run = captureIo();
      expect(await main(['classify', 'predict', '--model', join(dir, 'model'), '--input', input], run.io)).toBe(0);
      const lines = run
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({ id: 1, label: '环境保护' });
      expect(lines[0].top).toHaveLength(3);
      expect(lines[0].top[0]).toEqual({ label: '环境保护', confidence: lines[0].confidence });
      expect(lines[1]).toMatchObject({ id: 2, label: null, confidence: null, reason: { code: 'empty' } });
      expect(lines[2]).toMatchObject({ id: 3, label: '教育文体' });
    });

    it('gives no suggestion, with a reason, for text it cannot read, and never fails on odd records', async () => {
      await main(['classify', 'train', '--input', trainFile, '--label', 'category', '--model', join(dir, 'model')], captureIo().io);
      const input = join(dir, 'odd.jsonl');
      await writeFile(
        input,
        [
          { id: 1, title: '好', body: '' },
          { id: 2, title: 'Broken street light', body: 'The street light near my home has been broken for weeks, please fix it' },
          { id: 3, title: 'Уличный фонарь', body: 'Фонарь не работает уже неделю' },
          { id: 4, title: null, body: ['not', 'text'] },
          { id: 5, body: '🚧🚧🚧🚧🚧🚧' },
          { id: 6, title: '嗯嗯嗯嗯嗯嗯', body: '嗯'.repeat(50_000) },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n'),
      );
      const run = captureIo();
      expect(await main(['classify', 'predict', '--model', join(dir, 'model'), '--input', input], run.io)).toBe(0);
      const lines = run
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.id, l.label, l.reason?.code])).toEqual([
        [1, null, 'too_short'],
        [2, null, 'unsupported_script'],
        [3, null, 'unsupported_script'],
        [4, null, 'empty'],
        [5, null, 'too_short'],
        [6, null, 'unknown_terms'],
      ]);
      expect(run.err()).toMatch(/6 of 6 records got no suggestion/);
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
      expect(wrongLabel.err()).toMatch(/no record has a value in the label field "nope"; fields seen: id, title, body, category/);
      // too little of what is there: says where the rest went
      const sparse = join(dir, 'sparse.jsonl');
      await writeFile(
        sparse,
        [
          ...buildMessages(2, 5).map((m) => JSON.stringify(m)),
          JSON.stringify({
            id: 90,
            title: 'Street light broken',
            body: 'The street light near my home has been broken for weeks',
            category: '交通运输',
          }),
          JSON.stringify({ id: 91, title: '路灯坏了很久没人修', body: '晚上很黑', category: null }),
        ].join('\n'),
      );
      const tooFew = captureIo();
      expect(await main(['classify', 'train', '--input', sparse, '--label', 'category', '--model', join(dir, 'm4')], tooFew.io)).toBe(1);
      expect(tooFew.err()).toMatch(
        /Only 0 usable training examples; at least 20 are needed \(of 8 records: 1 without a label, 1 with empty, too short or non-Chinese text, 6 in classes with fewer than 3 examples\)/,
      );
      const noFile = captureIo();
      expect(await main(['classify', 'evaluate', '--input', join(dir, 'absent.jsonl'), '--label', 'category'], noFile.io)).toBe(1);
      expect(noFile.err()).toMatch(/cannot read input file/);
    });
  });

  describe('hotspots', () => {
    const place = '幸福花园';
    const rows = [
      {
        id: 'a',
        user: 'u1',
        time: '2019/4/2 9:00:00',
        title: `A2区${place}旁工地夜间施工噪音扰民`,
        body: `${place}小区旁边的工地每天晚上施工到凌晨，噪音很大，居民无法休息`,
      },
      {
        id: 'b',
        user: 'u2',
        time: '2019/4/20 22:10:05',
        title: `${place}附近工地深夜施工噪音大`,
        body: `A2区${place}附近工地深夜还在施工，噪音太大了，孩子睡不着觉`,
      },
      {
        id: 'c',
        user: 'u3',
        time: '2019-04-25T01:00:00Z',
        title: `投诉A2区${place}工地噪音`,
        body: `${place}小区周边工地夜间施工噪音扰民，请求环保部门查处`,
        likes: 7,
      },
      { id: 'd', user: 'u4', time: '2019/4/9 10:00:00', title: '咨询社保卡补办流程', body: '社保卡丢了，想问一下补办需要什么材料' },
      { id: 'e', user: 'u5', time: 'not a time', title: `${place}工地噪音`, body: '噪音扰民' },
    ];
    const input = join(dir, 'messages.jsonl');

    it('writes one JSON line per hotspot with rank, title, heat, region and ids', async () => {
      await writeFile(input, rows.map((r) => JSON.stringify(r)).join('\n'));
      const run = captureIo();
      expect(await main(['hotspots', '--input', input, '--from', '2019-04-01', '--to', '2019/4/30', '--top', '5'], run.io)).toBe(0);
      const lines = run
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ rank: 1, region: 'A2区', place, count: 3, citizens: 3 });
      expect(lines[0].ids.sort()).toEqual(['a', 'b', 'c']);
      expect(lines[0].heat).toBeGreaterThan(0);
      expect(lines[0].components.likes).toBe(7);
      expect(run.err()).toMatch(/1 records have no readable time/);
      const fewPeople = captureIo();
      expect(await main(['hotspots', '--input', input, '--min-citizens', '4'], fewPeople.io)).toBe(0);
      expect(fewPeople.out()).toBe('');
    });

    it('limits the period and rejects unreadable dates', async () => {
      await writeFile(input, rows.map((r) => JSON.stringify(r)).join('\n'));
      const early = captureIo();
      expect(await main(['hotspots', '--input', input, '--to', '2019-04-10'], early.io)).toBe(0);
      expect(early.out()).toBe('');
      expect(early.err()).toMatch(/no problem was raised/);
      const bad = captureIo();
      expect(await main(['hotspots', '--input', input, '--from', 'last week'], bad.io)).toBe(2);
      expect(bad.err()).toMatch(/cannot read the date/);
      const reversed = captureIo();
      expect(await main(['hotspots', '--input', input, '--from', '2019-05-01', '--to', '2019-04-01'], reversed.io)).toBe(2);
    });
  });
});
