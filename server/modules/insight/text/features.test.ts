import { describe, expect, it } from 'vitest';
import { checkText, countBuckets, DEFAULT_FEATURE_OPTIONS, listTerms, normaliseText } from './features.ts';
import { docCounts, fitVectorizer, vectorize } from './vectorizer.ts';

const options = DEFAULT_FEATURE_OPTIONS;

describe('features', () => {
  describe('normaliseText', () => {
    it('folds full-width characters, case and whitespace', () => {
      expect(normaliseText('  ＡＢＣ１２３　公交\n\n车 ')).toBe('abc123 公交 车');
      expect(normaliseText(null)).toBe('');
    });
  });

  describe('checkText', () => {
    it('accepts an ordinary Chinese message', () => {
      expect(checkText({ title: '公交车晚点', body: '每天早上公交车都晚点半小时' })).toBeNull();
    });
    it('names the problem with empty, short and foreign texts', () => {
      expect(checkText({ title: '', body: '   ' })?.code).toBe('empty');
      expect(checkText({ body: '你好' })?.code).toBe('too_short');
      expect(checkText({ body: '?!…' })?.code).toBe('too_short');
      expect(checkText({ body: 'The bus is late every single morning' })?.code).toBe('unsupported_script');
      expect(checkText({ body: 'Автобус опаздывает каждое утро' })?.code).toBe('unsupported_script');
      expect(checkText({ body: 'The bus number 12 is always late 公交晚点' })?.code).toBe('unsupported_script');
    });
    it('gives Chinese and English messages', () => {
      const problem = checkText({ body: '' })!;
      expect(problem.message).toMatch(/内容为空/);
      expect(problem.messageEn).toMatch(/empty/);
    });
  });

  describe('countBuckets', () => {
    it('is deterministic and counts repeated terms', () => {
      const a = countBuckets('噪音噪音扰民', options);
      const b = countBuckets('噪音噪音扰民', options);
      expect([...a]).toEqual([...b]);
      expect(Math.max(...a.values())).toBeGreaterThanOrEqual(2);
    });
    it('produces the same buckets as the explanation path', () => {
      const doc = { title: '路口红绿灯坏了', body: '幸福路口的红绿灯坏了三天，交通很乱。Bus 12' };
      const fromTerms = [...listTerms(doc, options).keys()].sort((x, y) => x - y);
      const fromCounts = [...new Set([...countBuckets(doc.title, options).keys(), ...countBuckets(doc.body, options).keys()])].sort(
        (x, y) => x - y,
      );
      expect(fromTerms).toEqual(fromCounts);
    });
    it('lists words and character n-grams, but no stop words or bare numbers', () => {
      const terms = new Set([...listTerms({ body: '我们的红绿灯坏了 2019' }, options).values()].flat());
      expect(terms.has('红绿灯')).toBe(true);
      expect(terms.has('绿灯坏')).toBe(true); // character trigram
      expect(terms.has('我们')).toBe(true); // as a character bigram, not as a word
      expect(terms.has('2019')).toBe(false);
    });
  });
});

describe('vectorizer', () => {
  const docs = [
    { title: '噪音扰民', body: '夜间施工噪音扰民' },
    { title: '公交晚点', body: '公交车每天晚点' },
    { title: '噪音污染', body: '工厂噪音很大' },
  ].map((d) => docCounts(d, options));

  it('keeps terms seen in at least minDf documents and gives unit-length vectors', () => {
    const v = fitVectorizer(docs, options, { minDf: 2, maxDfRatio: 1, maxFeatures: 1000, sublinearTf: false });
    expect(v.buckets.length).toBeGreaterThan(0);
    const x = vectorize(v, docs[0]);
    const norm = Math.sqrt(x.values.reduce((a, b) => a + b * b, 0));
    expect(norm).toBeCloseTo(1, 5);
    for (let i = 1; i < x.indices.length; i++) expect(x.indices[i]).toBeGreaterThan(x.indices[i - 1]);
    // "公交" appears in one document only, so it is not a feature
    expect(vectorize(v, docCounts({ body: '公交' }, options)).indices.length).toBe(0);
  });

  it('caps the number of features, most frequent first', () => {
    const v = fitVectorizer(docs, options, { minDf: 1, maxDfRatio: 1, maxFeatures: 5, sublinearTf: false });
    expect(v.buckets.length).toBe(5);
  });

  it('lists only readable terms for explanations: no n-grams across words, no stop words', () => {
    const doc = { body: '公交车什么时候到站' };
    const all = new Set([...listTerms(doc, DEFAULT_FEATURE_OPTIONS).values()].flat());
    const readable = new Set([...listTerms(doc, DEFAULT_FEATURE_OPTIONS, { readableOnly: true }).values()].flat());
    expect(all).toContain('车什');
    expect(all).toContain('什么');
    expect(readable).not.toContain('车什');
    expect(readable).not.toContain('什么');
    for (const word of ['公交车', '时候', '到站']) expect(readable).toContain(word);
  });
});
