import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addCallCounts,
  averageHandlingSeconds,
  CALL_INDICATORS,
  computeCallIndicators,
  EMPTY_CALL_COUNTS,
  estimatePatienceSeconds,
  type CallCounts,
} from './call-indicators.ts';

const counts = (c: Partial<CallCounts>): CallCounts => ({ ...EMPTY_CALL_COUNTS, ...c });

describe('call indicators', () => {
  it('computes answer rate, 15-second answer rate, abandon rate, ASA and AHT exactly', () => {
    // 200 offered, 190 answered (180 within 15 s), answered calls waited 1,900 s, talked 38,000 s, wrap-up 5,700 s
    const v = computeCallIndicators(
      counts({
        offered: 200,
        answered: 190,
        answeredWithinTarget: 180,
        answeredWaitSeconds: 1900,
        waitSeconds: 2500,
        talkSeconds: 38_000,
        wrapUpSeconds: 5700,
      }),
    );
    expect(v).toEqual({
      calls_offered: 200,
      calls_answered: 190,
      answer_rate: 0.95,
      answer_15s_rate: 0.9,
      abandon_rate: 0.05,
      avg_speed_of_answer_seconds: 10,
      avg_call_handling_seconds: 230,
      calls_rated: 0,
      call_satisfaction_rate: null,
    });
  });

  it('takes call satisfaction over rated calls only (一次一评): satisfied and basically satisfied ÷ rated', () => {
    const v = computeCallIndicators(counts({ offered: 10, answered: 8, rated: 5, ratedSatisfied: 4 }));
    expect(v).toMatchObject({ calls_rated: 5, call_satisfaction_rate: 0.8 });
    expect(addCallCounts(counts({ rated: 2, ratedSatisfied: 1 }), counts({ rated: 3, ratedSatisfied: 3 }))).toEqual(
      counts({ rated: 5, ratedSatisfied: 4 }),
    );
  });

  it('leaves rates empty when nothing was offered', () => {
    const v = computeCallIndicators(EMPTY_CALL_COUNTS);
    expect(v).toMatchObject({
      calls_offered: 0,
      answer_rate: null,
      answer_15s_rate: null,
      abandon_rate: null,
      avg_speed_of_answer_seconds: null,
      avg_call_handling_seconds: null,
    });
  });

  it('counts abandoned calls in the denominator of the 15-second rate', () => {
    expect(computeCallIndicators(counts({ offered: 4, answered: 2, answeredWithinTarget: 2 })).answer_15s_rate).toBe(0.5);
  });

  it('estimates patience as total waiting time over abandoned calls, only with enough abandons', () => {
    // 25 abandoned; everyone together waited 5,000 s → 200 s mean patience
    expect(estimatePatienceSeconds({ offered: 525, answered: 500, waitSeconds: 5000 })).toBe(200);
    expect(estimatePatienceSeconds({ offered: 519, answered: 500, waitSeconds: 5000 })).toBeNull();
  });

  it('averages handling time over answered calls and adds counts', () => {
    expect(averageHandlingSeconds({ answered: 3, talkSeconds: 500, wrapUpSeconds: 100 })).toBe(200);
    expect(averageHandlingSeconds({ answered: 0, talkSeconds: 0, wrapUpSeconds: 0 })).toBeNull();
    expect(addCallCounts(counts({ offered: 1, answered: 1, talkSeconds: 5 }), counts({ offered: 2, waitSeconds: 9 }))).toEqual(
      counts({ offered: 3, answered: 1, talkSeconds: 5, waitSeconds: 9 }),
    );
  });

  it('documents every call indicator in docs/indicators.md', () => {
    const doc = readFileSync(new URL('../../../../docs/indicators.md', import.meta.url), 'utf8');
    for (const i of CALL_INDICATORS) {
      expect(doc, i.id).toContain(`\`${i.id}\``);
      expect(doc, i.id).toContain(i.nameZh);
    }
  });
});
