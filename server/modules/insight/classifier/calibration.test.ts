import { describe, expect, it } from 'vitest';
import { crossFittedCalibrationError, expectedCalibrationError, fitTemperature } from './calibration.ts';
import { softmaxInPlace } from './classifier.ts';
import { seededRandom } from '../../../lib/random.ts';

describe('crossFittedCalibrationError', () => {
  // three classes; the logits favour the true class only a little more often than chance, with noise
  const random = seededRandom(3);
  const ys: number[] = [];
  const logits: Float64Array[] = [];
  for (let i = 0; i < 60; i++) {
    const y = i % 3;
    ys.push(y);
    logits.push(Float64Array.from([0, 1, 2], (c) => (c === y ? 1.5 : 0) + 4 * (random() - 0.5)));
  }
  const confidenceAt = (t: number) =>
    logits.map((z) => {
      const p = Float64Array.from(z);
      softmaxInPlace(p, t);
      return Math.max(...p);
    });
  const isCorrect = logits.map((z, k) => z.indexOf(Math.max(...z)) === ys[k]);

  it('measures on examples the temperature was not fitted to, which the in-sample error flatters', () => {
    const inSample = expectedCalibrationError(confidenceAt(fitTemperature(logits, ys)), isCorrect);
    const crossFitted = crossFittedCalibrationError(logits, ys);
    expect(crossFitted).toBeGreaterThan(0);
    expect(crossFitted).toBeLessThanOrEqual(1);
    expect(crossFitted).toBeGreaterThan(inSample);
  });

  it('is 0 with nothing to measure, and deterministic', () => {
    expect(crossFittedCalibrationError([], [])).toBe(0);
    expect(crossFittedCalibrationError(logits, ys)).toBe(crossFittedCalibrationError(logits, ys));
  });
});
