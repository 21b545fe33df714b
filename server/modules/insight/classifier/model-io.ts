/**
 * Saving and loading a text classifier as plain JSON (typed arrays as base64), so the same
 * model can live in a file (CLI) or a database row (platform). Pure.
 */
import type { TextClassifier } from './text-classifier.ts';
import { buildLookup } from '../text/vectorizer.ts';

const toBase64 = (a: Int32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<T extends Int32Array | Float32Array>(text: string, Kind: { new (b: ArrayBuffer): T }): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
}

export function serializeClassifier(c: TextClassifier): string {
  return JSON.stringify({
    format: c.format,
    version: c.version,
    labels: c.labels,
    temperature: c.temperature,
    options: c.options,
    trainedOn: c.trainedOn,
    vectorizer: {
      features: c.vectorizer.features,
      options: c.vectorizer.options,
      buckets: toBase64(c.vectorizer.buckets),
      idf: toBase64(c.vectorizer.idf),
    },
    model: {
      numFeatures: c.model.numFeatures,
      numClasses: c.model.numClasses,
      weights: toBase64(c.model.weights),
      bias: toBase64(c.model.bias),
    },
  });
}

/** Parses a saved classifier; throws an Error with a plain message when the text is not one. */
export function deserializeClassifier(text: string): TextClassifier {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a file's JSON, checked field by field below
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the model file is not valid JSON');
  }
  if (raw?.format !== 'lianxin-text-classifier') throw new Error('the file is not a Lianxin text classifier');
  if (raw.version !== 1) throw new Error(`unsupported model version ${raw.version}`);
  const buckets = fromBase64(raw.vectorizer.buckets, Int32Array);
  const weights = fromBase64(raw.model.weights, Float32Array);
  const bias = fromBase64(raw.model.bias, Float32Array);
  const idf = fromBase64(raw.vectorizer.idf, Float32Array);
  const { numFeatures, numClasses } = raw.model;
  if (
    weights.length !== numFeatures * numClasses ||
    bias.length !== numClasses ||
    idf.length !== buckets.length ||
    buckets.length !== numFeatures ||
    raw.labels.length !== numClasses
  ) {
    throw new Error('the model file is damaged (array sizes do not match)');
  }
  return {
    format: raw.format,
    version: 1,
    labels: raw.labels,
    temperature: raw.temperature,
    options: raw.options,
    trainedOn: raw.trainedOn,
    vectorizer: {
      features: raw.vectorizer.features,
      options: raw.vectorizer.options,
      buckets,
      idf,
      lookup: buildLookup(buckets, raw.vectorizer.features.bucketBits),
    },
    model: { numFeatures, numClasses, weights, bias },
  };
}
