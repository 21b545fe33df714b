import { describe, expect, it } from 'vitest';
import { checkReplyQuality, explainReplyQuality, SCORE_WEIGHTS } from './reply-quality.ts';

const request = {
  title: 'A2区幸福花园小区门口路灯损坏',
  content: '幸福花园小区门口的路灯坏了一个多月，晚上一片漆黑，老人出行不安全，希望尽快维修。',
};

describe('checkReplyQuality', () => {
  it('scores a complete, relevant reply highly', () => {
    const q = checkReplyQuality(
      request,
      '网友您好！您反映的幸福花园小区门口路灯损坏问题已收悉。经现场核实，该处路灯因线路老化损坏，我局于2026年3月5日安排市政维修队完成线路更换，路灯已恢复照明。下一步我局将加强日常巡查，如仍有问题，可拨打市政服务热线12319反映。感谢您的监督！',
    );
    expect(q.score).toBeGreaterThanOrEqual(85);
    expect(q.isAcceptable).toBe(true);
    expect(q.checks).toMatchObject({ hasAction: true, hasTime: true, hasActor: true, hasNextStep: true, mentionsPlace: true });
    expect(q.matchedTerms).toEqual(expect.arrayContaining(['路灯']));
    expect(q.problems).toEqual([]);
  });

  it('checks the place on its own and names the issue words it shares, not pieces of the place name', () => {
    const q = checkReplyQuality(
      { title: '金色花园突然停水没有通知', content: '金色花园从早上开始就停水了，也没有提前通知，希望尽快安排人员处理。' },
      '您好！您反映的金色花园停水问题已收悉。我公司于12月5日安排工作人员到现场核实，系二次供水设备故障，已维修，供水已恢复。',
    );
    expect(q.checks.mentionsPlace).toBe(true);
    expect(q.matchedTerms).toContain('停水');
    for (const noise of ['金色', '花园', '安排', '人员']) expect(q.matchedTerms).not.toContain(noise);
  });

  it('explains what a bare acknowledgement lacks', () => {
    const q = checkReplyQuality(request, '已收悉');
    expect(q.isAcceptable).toBe(false);
    expect(q.score).toBeLessThan(30);
    const codes = q.problems.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining(['off_topic', 'no_action', 'no_time', 'no_actor', 'no_next_step', 'too_short', 'acknowledgement_only']),
    );
    expect(q.problems.find((p) => p.code === 'no_time')).toMatchObject({
      message: expect.stringMatching(/时间/),
      messageEn: expect.stringMatching(/when/),
    });
  });

  it('flags a reply about something else', () => {
    const q = checkReplyQuality(request, '您好！经核实，您反映的学校食堂收费问题，我局已于3月5日责令学校整改，如有疑问可致电教育局咨询。');
    expect(q.relevance).toBeLessThan(0.25);
    expect(q.problems.map((p) => p.code)).toContain('off_topic');
    expect(q.problems.map((p) => p.code)).toContain('place_missing');
  });

  it('flags placeholders and a reply that copies the request', () => {
    expect(
      checkReplyQuality(request, '您好，路灯问题已由XXX单位于【日期】处理完毕，如有疑问请联系。').problems.map((p) => p.code),
    ).toContain('placeholder');
    expect(checkReplyQuality(request, `您好，${request.content}${request.content}`).problems.map((p) => p.code)).toContain(
      'copies_request',
    );
  });

  it('copes with empty input', () => {
    const q = checkReplyQuality({ title: '', content: '' }, '');
    expect(q.score).toBeGreaterThanOrEqual(0);
    expect(q.isAcceptable).toBe(false);
  });
});

describe('explainReplyQuality', () => {
  const good =
    '网友您好！您反映的幸福花园小区门口路灯损坏问题已收悉。经现场核实，该处路灯因线路老化损坏，我局于2026年3月5日安排市政维修队完成线路更换，路灯已恢复照明。下一步我局将加强日常巡查，如仍有问题，可拨打市政服务热线12319反映。感谢您的监督！';

  it('explains a good reply as acceptable, with the sub-scores that add up to the score', () => {
    const q = checkReplyQuality(request, good);
    const e = explainReplyQuality(q);
    expect(e.summary.message).toBe(`答复质量 ${q.score} 分（满分 100），可以受理`);
    expect(e.summary.messageEn).toMatch(/acceptable/);
    expect(e.subScores.map((s) => s.key)).toEqual(['relevance', 'completeness', 'form']);
    expect(Math.round(100 * e.subScores.reduce((a, s) => a + s.weight * s.score, 0))).toBeCloseTo(q.score, -1);
    expect(Object.values(SCORE_WEIGHTS).reduce((a, w) => a + w, 0)).toBeCloseTo(1, 10);
    expect(e.subScores[0].message).toMatch(/路灯/);
    expect(e.subScores[1].message).toMatch(/已说明处理措施、处理时间、办理单位或人员、后续安排或咨询途径/);
    expect(e.subScores[2].messageEn).toMatch(/in order/);
  });

  it('tells the reviewer what a weak reply lacks, in both languages', () => {
    const q = checkReplyQuality(request, '您好，路灯问题已转交相关部门处理。');
    const e = explainReplyQuality(q);
    expect(q.isAcceptable).toBe(false);
    expect(e.summary.message).toMatch(/低于 60 分/);
    expect(e.summary.message).toMatch(/未说明处理的时间/);
    expect(e.summary.messageEn).toMatch(/below 60/);
    const completeness = e.subScores.find((s) => s.key === 'completeness')!;
    expect(completeness.message).toMatch(/缺少/);
    expect(completeness.messageEn).toMatch(/missing what was done, when, by whom, what comes next/);
    expect(e.subScores.find((s) => s.key === 'form')!.message).toMatch(/较简略|过短/);
  });
});

// Cases modelled on real replies of a provincial 问政 platform (names and numbers changed): the warnings a reviewer
// sees must hold on how departments actually write (scripts/evaluate-reply-quality.ts runs the check on the real set).
describe('checkReplyQuality on real-looking replies', () => {
  it('does not warn about the place when the reply names the request’s own address', () => {
    const q = checkReplyQuality(
      { title: '咨询人民路88号门前污水井冒水', content: '人民路88号门前的污水井一直往外冒污水，臭味很大，行人没法走，请尽快处理。' },
      '您好！您反映的人民路88号门前污水外溢问题，我处于3月6日派员到现场查看，系下游管道堵塞所致，当日已完成疏通，目前已恢复正常。如再有类似情况可拨打排水服务热线反映。',
    );
    expect(q.checks.mentionsPlace).not.toBe(false);
    expect(q.relevance).toBeGreaterThanOrEqual(0.5);
    expect(q.problems.map((p) => p.code)).not.toEqual(expect.arrayContaining(['place_missing']));
    expect(q.problems.map((p) => p.code)).not.toContain('off_topic');
    expect(q.isAcceptable).toBe(true);
  });

  it('accepts a shortened place name and a reply in its own words', () => {
    const q = checkReplyQuality(
      {
        title: '关于A7县星沙宁华路违建门面房的投诉',
        content: '宁华路妇幼保健院东门对面有人违规搭建门面房开店经营，占用人行道，至今无人管理。',
      },
      '网友您好！来信收悉。现回复如下：经查，宁华路妇幼东门对面确实存在一处违规搭建的工棚房，内设三间门面经营。我局已于8月多次上门责令当事人自行整改拆除，并下达《询问调查通知书》，下一步将依法组织拆除。感谢您的监督！',
    );
    expect(q.checks.mentionsPlace).toBe(true);
    expect(q.problems.map((p) => p.code)).not.toContain('off_topic');
    expect(q.isAcceptable).toBe(true);
  });

  it('takes 该小区 and a visit to the site as pointing at the place', () => {
    const q = checkReplyQuality(
      { title: '景蓉华苑小区门口垃圾堆积', content: '景蓉华苑小区门口垃圾堆了一个星期没人清运，臭气熏天。' },
      '您好！经核实，该小区门口垃圾因清运车辆故障未能及时清运，我街道已于5月8日组织环卫人员清理完毕，并要求物业公司每日清运。如仍有问题，可拨打街道服务电话反映。',
    );
    expect(q.checks.mentionsPlace).toBe(true);
    expect(q.problems.map((p) => p.code)).not.toEqual(expect.arrayContaining(['place_missing']));
    expect(q.problems.map((p) => p.code)).not.toContain('off_topic');
  });

  it('still warns when a reply only passes the request on', () => {
    const q = checkReplyQuality(
      { title: '投诉L12市安江镇竹器厂违规排放化学废料', content: '安江镇竹器厂每天晚上往河里排放刺鼻的化学废水，河里的鱼都死了。' },
      '网友：您好！您反映的问题已转市生态环境局调查核处。2019年4月30日',
    );
    const codes = q.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['forwarded_only', 'off_topic', 'place_missing']));
    expect(q.isAcceptable).toBe(false);
  });

  it('does not read a request verb as part of a place (咨询人民路, 取缔小学)', () => {
    for (const title of ['咨询人民路88号房屋产权办理', '强烈呼吁坚决取缔小学门口的流动摊贩']) {
      const q = checkReplyQuality({ title, content: title }, '您好！经核实，相关情况已处理，如有疑问可致电咨询。');
      expect(q.problems.find((p) => p.code === 'place_missing')?.message ?? '').not.toMatch(/咨询|取缔|坚决/);
    }
  });
});
