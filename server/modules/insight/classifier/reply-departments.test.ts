import { describe, expect, it } from 'vitest';
import { categoryFromReply } from './reply-departments.ts';

describe('categoryFromReply', () => {
  it('labels a reply by the one category whose department answered', () => {
    expect(categoryFromReply('经区住房和城乡建设局调查核实，该小区物业已整改。')).toBe('城乡建设');
    expect(categoryFromReply('您好！县人社局已责令企业支付拖欠工资。')).toBe('劳动和社会保障');
    expect(categoryFromReply('市交警支队已在该路口增设信号灯。')).toBe('交通运输');
    expect(categoryFromReply('感谢您对市卫健委工作的支持。')).toBe('卫生计生');
  });

  it('tells a culture and tourism bureau (教育文体) from a tourism bureau (商贸旅游)', () => {
    expect(categoryFromReply('市文化旅游广电局回复如下')).toBe('教育文体');
    expect(categoryFromReply('市旅游局已约谈该旅行社')).toBe('商贸旅游');
  });

  it('gives no label when no department, several categories’ departments, or another domain’s department is named', () => {
    expect(categoryFromReply('网友您好，您反映的问题已收悉，我局将认真研究。')).toBeNull();
    expect(categoryFromReply('县环保局会同县住建局对工地扬尘进行了检查。')).toBeNull();
    expect(categoryFromReply('经区城管局和辖区派出所联合执法，已清理。')).toBeNull();
  });
});
