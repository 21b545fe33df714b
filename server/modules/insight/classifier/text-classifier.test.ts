import { describe, expect, it } from 'vitest';
import { crossValidate } from './cross-validate.ts';
import { buildMessages } from '../insight.fixtures.ts';
import { deserializeClassifier, serializeClassifier } from './model-io.ts';
import { pathsFromLevelRecords, priorsFromTaxonomy } from './taxonomy.ts';
import { predictText, TrainingDataError, trainTextClassifier, type TextExample } from './text-classifier.ts';

const toExamples = (msgs: ReturnType<typeof buildMessages>): TextExample[] =>
  msgs.map((m) => ({ title: m.title, body: m.body, label: m.category }));
const train = toExamples(buildMessages(20, 1));
const { classifier, report } = trainTextClassifier(train);

describe('trainTextClassifier', () => {
  it('evaluates on a holdout and calibrates', () => {
    expect(report.examples).toBe(60);
    expect(report.holdout?.count).toBe(12);
    expect(report.holdout?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.holdout?.confusion).toHaveLength(3);
    expect(report.temperature).toBeGreaterThan(0);
    expect(classifier.labels).toEqual(['交通运输', '教育文体', '环境保护']);
  });

  it('is deterministic', () => {
    const again = trainTextClassifier(train).classifier;
    expect(serializeClassifier(again)).toBe(serializeClassifier(classifier));
  });

  it('skips unlabelled and unusable records and says so', () => {
    const { report: r } = trainTextClassifier([
      ...train,
      { title: '公交', body: '公交车晚点很久了', label: '' },
      { body: 'hello world, not chinese', label: '交通运输' },
      { body: '路灯坏了好几天', label: null },
    ]);
    expect(r.skipped).toMatchObject({ missingLabel: 2, unusableText: 1 });
    expect(r.warnings.join(' ')).toMatch(/no label/);
  });

  it('leaves out classes with too few examples instead of guessing them', () => {
    const { classifier: c, report: r } = trainTextClassifier([...train, { title: '医院', body: '医院排队时间太长了', label: '卫生计生' }]);
    expect(r.droppedClasses).toEqual(['卫生计生']);
    expect(c.labels).not.toContain('卫生计生');
  });

  it('refuses too few examples or a single class with a clear message', () => {
    expect(() => trainTextClassifier(train.slice(0, 5))).toThrow(TrainingDataError);
    expect(() => trainTextClassifier(train.filter((e) => e.label === '交通运输'))).toThrow(
      expect.objectContaining({ code: 'too_few_classes', messageEn: expect.stringMatching(/two classes/) }),
    );
  });

  it('trains without evaluation when too little can be held out', () => {
    const small = toExamples(buildMessages(7, 3));
    const { report: r } = trainTextClassifier(small, { minExamples: 10 });
    expect(r.holdout).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/no evaluation/);
  });
});

describe('predictText', () => {
  it('suggests the right label with top-3 confidences and the terms that drove it', () => {
    const p = predictText(classifier, { title: '夜间施工噪音扰民', body: '工地夜间施工，噪音很大，还有粉尘污染，希望环保局处理' });
    expect(p.label).toBe('环境保护');
    expect(p.reason).toBeNull();
    expect(p.top).toHaveLength(3);
    expect(p.top[0].confidence).toBeGreaterThan(p.top[1].confidence);
    expect(p.top.reduce((a, c) => a + c.confidence, 0)).toBeCloseTo(1, 2);
    expect(p.terms.length).toBeGreaterThan(0);
    expect(p.terms.map((t) => t.term).join(' ')).toMatch(/噪音|污染|粉尘|施工/);
  });

  it('explains with whole words, never with n-grams that cut through them', () => {
    const p = predictText(classifier, { title: '夜间施工噪音扰民', body: '工地夜间施工，噪音很大，还有粉尘污染，希望环保局处理' });
    const terms = p.terms.map((t) => t.term);
    expect(terms.slice(0, 4).sort()).toEqual(['噪音', '夜间', '扰民', '施工']);
    // 间施, 工噪 and 音扰 are n-grams across 夜间|施工|噪音|扰民: they weigh as much but read as noise
    for (const across of ['间施', '工噪', '音扰']) expect(terms).not.toContain(across);
  });

  it('gives no suggestion for empty, short, foreign or unknown text', () => {
    expect(predictText(classifier, { body: '' }).reason?.code).toBe('empty');
    expect(predictText(classifier, { body: '嗯' }).reason?.code).toBe('too_short');
    expect(predictText(classifier, { body: 'Please fix the traffic lights on Main Street' }).reason?.code).toBe('unsupported_script');
    const unknown = predictText(classifier, { body: '鑫淼犇骉羴猋' });
    expect(unknown.label).toBeNull();
    expect(unknown.reason?.code).toBe('unknown_terms');
  });

  it('withholds the suggestion but lists candidates when unsure', () => {
    const p = predictText(classifier, { body: '幸福小区附近的问题，请领导重视' }, { minConfidence: 0.99 });
    expect(p.label).toBeNull();
    expect(p.reason?.code).toBe('low_confidence');
    expect(p.top.length).toBeGreaterThan(0);
  });
});

describe('model files', () => {
  it('round-trips through JSON with identical predictions', () => {
    const loaded = deserializeClassifier(serializeClassifier(classifier));
    const doc = { title: '学校乱收费', body: '学校向学生收取补课费，家长意见很大' };
    expect(predictText(loaded, doc)).toEqual(predictText(classifier, doc));
  });

  it('rejects files that are not models', () => {
    expect(() => deserializeClassifier('not json')).toThrow(/not valid JSON/);
    expect(() => deserializeClassifier('{"format":"x"}')).toThrow(/not a Lianxin/);
  });
});

describe('crossValidate', () => {
  it('reports pooled and per-fold figures', () => {
    const cv = crossValidate(train, 5);
    expect(cv.perFold).toHaveLength(5);
    expect(cv.pooled.count).toBe(60);
    expect(cv.meanMacroF1).toBeGreaterThan(0.8);
    expect(cv.pooled.accuracy).toBeGreaterThan(0.8);
  });
});

describe('taxonomy priors', () => {
  const paths = pathsFromLevelRecords([
    { l1: '环境保护', l2: '环境污染', l3: '噪音污染' },
    { l1: '环境保护', l2: '环境污染', l3: '其他' },
    { l1: '交通运输', l2: '出租车管理', l3: '网约车问题' },
    { l1: '党务政务', l2: '其他', l3: '其他' },
  ]);

  it('describes each class by the names below it and skips generic names', () => {
    const priors = priorsFromTaxonomy(paths, ['环境保护', '交通运输']);
    expect(priors).toEqual([
      { title: '噪音污染', body: '环境污染 噪音污染', label: '环境保护' },
      { title: '环境污染', body: '环境污染', label: '环境保护' },
      { title: '网约车问题', body: '出租车管理 网约车问题', label: '交通运输' },
    ]);
  });

  it('teaches a word no order of the class contained', () => {
    const priors = priorsFromTaxonomy(
      pathsFromLevelRecords([
        { l1: '交通运输', l2: '出租车管理', l3: '网约车问题' },
        { l1: '交通运输', l2: '邮政管理', l3: '快递市场管理' },
      ]),
      classifier.labels,
    );
    const withPriors = trainTextClassifier(train, {}, { priors }).classifier;
    const doc = { title: '快递网点丢件', body: '快递网点丢件，快递市场管理混乱，网约车也乱' };
    const before = predictText(classifier, doc, { minConfidence: 0 });
    const after = predictText(withPriors, doc, { minConfidence: 0 });
    const share = (p: typeof before) => p.top.find((c) => c.label === '交通运输')?.confidence ?? 0;
    expect(share(after)).toBeGreaterThan(share(before));
    expect(after.label).toBe('交通运输');
  });
});

describe('large training sets', () => {
  it('ship the evaluated model instead of refitting once past refitBelow', () => {
    const small = trainTextClassifier(train);
    expect(small.report.isRefitted).toBe(true);
    const large = trainTextClassifier(train, { refitBelow: 50 });
    expect(large.report.isRefitted).toBe(false);
    expect(large.report.holdout?.count).toBe(12);
    expect(predictText(large.classifier, { title: '学校乱收费', body: '学校向学生收取补课费' }).label).toBe('教育文体');
  });
});
