/** The shared phrases orders, replies and notes are assembled from (the scenario supplies the specifics). */
import type { Channel, TicketType } from '../../../common/enums.ts';

export const PHONE_OPENINGS = ['市民来电反映：', '来电人反映：', '市民来电称，', '来电人称，'];
export const PHONE_INQUIRY_OPENINGS = ['市民来电咨询：', '来电人咨询：', '市民来电询问，'];
export const SMS_OPENINGS = ['市民短信反映：', '市民发短信称，'];
export const SMS_INQUIRY_OPENINGS = ['市民短信咨询：'];
export const ONLINE_GREETINGS = ['您好！', '尊敬的领导：您好！', '', '领导好，', '你好，'];
export const ONLINE_INTROS = ['我是{p}的居民，', '我家住在{p}，', '本人是{p}的业主，', ''];
export const VILLAGE_INTROS = ['我是{p}的村民，', '我家在{p}，', ''];
/** Online messages about a road or landmark. */
export const ONLINE_PLACE_INTROS = ['关于{p}附近的问题：', '反映{p}一带的情况：'];

export const DURATIONS = [
  '，这种情况已经持续一个多月了',
  '，从上周开始一直这样',
  '，已经反映过多次都没有解决',
  '，近半年来反复出现',
  '，找过相关单位都没有结果',
  '',
];
const IMPACTS = ['，严重影响周边居民的正常生活', '，给居民生活带来很大不便', '，大家意见很大', '，实在没有办法了', ''];
export const IMPACTS_BY_TYPE: Record<TicketType, string[]> = {
  inquiry: [''],
  help: IMPACTS,
  complaint: IMPACTS,
  report: ['，影响很坏', '，周边群众反映强烈', ''],
  suggestion: [''],
  praise: [''],
};
export const ASKS: Record<TicketType, string[]> = {
  inquiry: ['，请给予答复。', '。', '，麻烦告知。'],
  help: ['。请求相关部门帮助解决。', '。希望尽快安排人员处理。', '。请尽快处理。'],
  complaint: ['。希望有关部门尽快处理。', '。请相关部门核实处理并给予答复。', '。恳请政府部门重视，早日解决。', '。希望相关部门加强监管。'],
  report: ['。请有关部门依法查处。', '。希望相关部门调查处理，举报人要求保密。', '。请予以查处。'],
  suggestion: ['。希望相关部门予以考虑。', '。以上建议供参考。', '。'],
  praise: ['。特此表扬。', '。'],
};
export const ONLINE_CLOSINGS = ['谢谢！', '', '盼复。', ''];

export const REPLY_SALUTATIONS: Record<'phone' | 'online', string[]> = {
  phone: ['市民您好！', '尊敬的市民：您好！', '您好！'],
  online: ['网友您好！', '尊敬的网友：您好！', '您好！'],
};
export const REPLY_CLOSINGS = [
  '感谢您对我们工作的理解和支持。',
  '感谢您的监督。',
  '如有疑问，请致电{phone}咨询。',
  '感谢您对我们工作的关心。',
];
export const REPLY_PHONES = ['0538-8826', '0538-6212', '0538-8531', '0538-6690'];

export const RETURN_REASONS = [
  '该事项不属于我单位职责范围，建议转{unit}办理。',
  '诉求地址不在我单位辖区，请核实后重新派单。',
  '经核实，该事项应由{unit}负责，请改派。',
];
export const OBJECTION_REASONS = [
  '根据“三定”方案，该事项属于{unit}的职责，申请改派。',
  '该问题涉及的设施产权不属于我单位，应由{unit}处理。',
  '诉求事项不在我单位管辖范围，建议派{unit}。',
];
export const WRONG_OBJECTION_REASONS = ['该问题历史遗留，涉及多个部门，申请由区政府牵头处理。', '该事项不属于我单位职责，申请退回。'];
export const OBJECTION_DENY_NOTES = ['经审核，该事项在你单位职责范围内，维持原派单。', '按派单目录应由你单位办理，请抓紧签收办理。'];
export const OBJECTION_APPROVE_NOTES = ['经审核，异议成立，改派{unit}。', '同意改派{unit}办理。'];
export const EXTENSION_REASONS = [
  '该问题涉及多个部门协调，需要进一步调查核实。',
  '维修需要采购材料并安排施工，预计工期较长。',
  '需要召开业主大会表决，所需时间较长。',
  '涉及历史遗留问题，需调取档案资料。',
  '当事人暂时联系不上，需要继续约谈。',
];
export const EXTENSION_NOTES = {
  approve: ['同意延期，请在延期期限内办结。', '同意。'],
  deny: ['延期理由不充分，请按原时限办结。', '不同意延期，请抓紧办理。'],
};
export const REVIEW_REJECT_NOTES = [
  '答复内容未说明现场核实情况，请补充。',
  '答复未回应诉求人的具体诉求，请重新核实答复。',
  '答复中未明确处理结果和时限，请补充。',
];
export const REVIEW_ACCEPT_NOTES = ['答复规范，审核通过。', null, null, null];
export const SHORT_REPLIES = ['已安排工作人员处理。', '已转相关科室办理。', '正在处理中。'];
export const CALLBACK_NOTES = {
  satisfied: ['市民表示问题已解决，对处理结果满意。', '市民对办理结果表示满意。', '市民表示满意，感谢相关部门。'],
  basically_satisfied: ['市民表示问题基本解决，希望后续加强管理。', '市民表示基本满意，但处理速度有待提高。'],
  unsatisfied: ['市民表示问题未解决，对答复不认可。', '市民表示承办单位未到现场核实，不满意。', '市民表示问题反弹，仍未解决。'],
  unreachable: ['电话无人接听。', '电话关机。', '电话占线，多次拨打未接通。'],
} as const;
export const REOPEN_NOTES = ['经研判，承办单位答复与实际情况不符，予以重办。', '市民反映问题仍未解决，退回承办单位重新办理。'];
export const CLOSE_AFTER_UNSATISFIED = [
  '经研判，承办单位已依法依规答复，诉求超出政策规定，予以办结。',
  '承办单位已按政策解释到位，予以办结。',
];
export const CLOSE_UNREACHABLE = ['三次回访均未接通，按规定办结。', '多次回访未联系上市民，予以办结。'];
export const URGE_NOTES = ['该工单已超期，请抓紧办理并及时答复。', '请加快办理进度，尽快答复市民。'];
export const SUPERVISE_NOTES = ['请于三个工作日内办结并报送处理情况。', '该问题群众反映强烈，请主要负责同志亲自督办。'];
export const LEADER_NOTES = ['请相关单位高度重视，尽快妥善处理，确保群众满意。', '此事关系群众切身利益，请抓紧研究解决。'];
export const EXCLUDE_NOTES = ['属历史遗留问题，经审核不纳入考核。', '诉求超出政策规定，经审核不纳入考核。'];
export const MERGE_NOTES = ['与已受理工单反映同一问题，予以并单。', '重复诉求，并入主工单办理。'];
export const SIGN_NOTES = [null, null, null, '已签收，正在核实。'];

export const ONLINE_CHANNELS: readonly Channel[] = ['web', 'wechat', 'weibo', 'mailbox', 'people_cn', 'app', 'open311'];

export const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['phone', 62],
  ['wechat', 11],
  ['web', 9],
  ['app', 6],
  ['mailbox', 3],
  ['sms', 3],
  ['people_cn', 2],
  ['open311', 2],
  ['weibo', 2],
];
