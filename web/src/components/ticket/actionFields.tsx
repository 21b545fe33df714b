/** The form fields each lifecycle action asks for (bodies as in the tickets API contract). */
import { Form, Input, InputNumber, Radio, Switch } from 'antd';
import type { TFunction } from 'i18next';
import { CALLBACK_RESULTS, EMERGENCY_LINES, TICKET_TYPES } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import type { TicketDetail } from '../../api/types.ts';
import { AttachmentInput } from '../AttachmentInput.tsx';
import { ReplyTemplatePicker } from './ReplyTemplatePicker.tsx';
import { CategoryCascader, DeadlinePicker, RegionSelect, UnitSelect } from '../pickers.tsx';

const required = (t: TFunction, key: string) => ({ required: true, message: t('errors.required', { field: t(key) }) });
const requiredSelect = (t: TFunction, key: string) => ({ required: true, message: t('errors.requiredSelect', { field: t(key) }) });
const maxLen = (t: TFunction, key: string, max: number) => ({ max, message: t('errors.tooLong', { field: t(key), max }) });

const text = (t: TFunction, name: string, labelKey: string, opts: { isRequired?: boolean; max?: number; rows?: number } = {}) => (
  <Form.Item
    key={name}
    name={name}
    label={t(labelKey)}
    rules={[...(opts.isRequired ? [required(t, labelKey)] : []), maxLen(t, labelKey, opts.max ?? LIMITS.reasonMax)]}
  >
    <Input.TextArea rows={opts.rows ?? 3} showCount maxLength={opts.max ?? LIMITS.reasonMax} />
  </Form.Item>
);

/** `subUnitIds`: the units a unit desk may pass the order down to. */
export function actionFields(action: string, t: TFunction, ticket: TicketDetail, ctx: { subUnitIds?: number[]; decision?: string }) {
  const leadUnits = ticket.assignments.filter((a) => a.role === 'lead').map((a) => a.unitId);
  switch (action) {
    case 'direct_answer':
      return [text(t, 'answer', 'actionForm.answer', { isRequired: true, max: LIMITS.replyMax, rows: 5 })];
    case 'dispatch':
      return [
        <Form.Item key="leadUnitId" name="leadUnitId" label={t('dispatch.lead')} rules={[requiredSelect(t, 'dispatch.lead')]}>
          <UnitSelect aria-label={t('dispatch.lead')} placeholder={t('dispatch.unitSearch')} />
        </Form.Item>,
        <Form.Item key="coUnitIds" name="coUnitIds" label={t('dispatch.co')}>
          <UnitSelect multiple aria-label={t('dispatch.co')} placeholder={t('dispatch.unitSearch')} />
        </Form.Item>,
        text(t, 'note', 'dispatch.note'),
        text(t, 'offCatalogueReason', 'desks.offCatalogueReason', { rows: 2 }),
      ];
    case 'return':
    case 'invalidate':
      return [text(t, 'reason', 'actionForm.reason', { isRequired: true })];
    case 'object':
      return [
        text(t, 'reason', 'actionForm.reason', { isRequired: true }),
        <Form.Item key="suggestedUnitId" name="suggestedUnitId" label={t('actionForm.suggestedUnit')}>
          <UnitSelect aria-label={t('actionForm.suggestedUnit')} excludeIds={leadUnits} />
        </Form.Item>,
      ];
    case 'decide_objection':
      return [
        decisionField(t, ['approve', 'deny']),
        ctx.decision === 'approve' && (
          <Form.Item key="unitId" name="unitId" label={t('dispatch.newLeadUnit')} rules={[requiredSelect(t, 'dispatch.newLeadUnit')]}>
            <UnitSelect aria-label={t('dispatch.newLeadUnit')} excludeIds={leadUnits} />
          </Form.Item>
        ),
        text(t, 'note', 'actionForm.note'),
      ];
    case 'subdispatch':
      return [
        <Form.Item
          key="unitId"
          name="unitId"
          label={t('unitDesk.subUnit')}
          rules={[requiredSelect(t, 'unitDesk.subUnit')]}
          extra={ctx.subUnitIds && ctx.subUnitIds.length === 0 ? t('unitDesk.noSubUnits') : undefined}
        >
          <UnitSelect aria-label={t('unitDesk.subUnit')} onlyIds={ctx.subUnitIds ?? []} />
        </Form.Item>,
        text(t, 'note', 'actionForm.note'),
      ];
    case 'request_extension':
      return [
        <Form.Item key="days" name="days" label={t('actionForm.days')} rules={[requiredSelect(t, 'actionForm.days')]} initialValue={3}>
          <InputNumber min={1} max={60} />
        </Form.Item>,
        text(t, 'reason', 'actionForm.reason', { isRequired: true }),
      ];
    case 'decide_extension':
      return [decisionField(t, ['approve', 'deny']), text(t, 'note', 'actionForm.note')];
    case 'reply':
      return [
        <ReplyTemplatePicker key="template" categoryId={ticket.categoryId} />,
        text(t, 'content', 'actionForm.replyContent', { isRequired: true, max: LIMITS.replyMax, rows: 5 }),
        <Form.Item key="attachmentIds" name="attachmentIds" label={t('ticket.attachments')}>
          <AttachmentInput />
        </Form.Item>,
      ];
    case 'co_reply':
      return [text(t, 'content', 'actionForm.content', { isRequired: true, max: LIMITS.replyMax, rows: 4 })];
    case 'review':
      return [
        decisionField(t, ['accept', 'reject']),
        <Form.Item
          key="note"
          name="note"
          label={t('actionForm.reviewNote')}
          rules={[...(ctx.decision === 'reject' ? [required(t, 'actionForm.reason')] : []), maxLen(t, 'actionForm.note', LIMITS.reasonMax)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>,
      ];
    case 'callback':
      return [
        <Form.Item key="result" name="result" label={t('actionForm.result')} rules={[requiredSelect(t, 'actionForm.result')]}>
          <Radio.Group optionType="button" options={CALLBACK_RESULTS.map((r) => ({ value: r, label: t(`enums.callback.${r}`) }))} />
        </Form.Item>,
        <Form.Item key="isResolved" name="isResolved" label={t('actionForm.isResolved')} valuePropName="checked">
          <Switch />
        </Form.Item>,
        text(t, 'note', 'actionForm.note'),
      ];
    case 'reopen':
    case 'close':
    case 'sign':
      return [text(t, 'note', 'actionForm.note')];
    case 'merge':
      return [
        <Form.Item key="mainNumber" name="mainNumber" label={t('actionForm.mainTicket')} rules={[required(t, 'actionForm.mainTicket')]}>
          <Input className="lx-mono" placeholder="20261122-00042" />
        </Form.Item>,
        text(t, 'note', 'actionForm.note'),
      ];
    case 'transfer_emergency':
      return [
        <Form.Item key="line" name="line" label={t('actionForm.line')} rules={[requiredSelect(t, 'actionForm.line')]}>
          <Radio.Group optionType="button" options={EMERGENCY_LINES.map((l) => ({ value: l, label: l }))} />
        </Form.Item>,
        text(t, 'note', 'actionForm.note'),
      ];
    case 'classify':
      return [
        <Form.Item
          key="categoryId"
          name="categoryId"
          label={t('ticket.category')}
          initialValue={ticket.categoryId ?? undefined}
          rules={[requiredSelect(t, 'ticket.category')]}
        >
          <CategoryCascader aria-label={t('ticket.category')} />
        </Form.Item>,
        <Form.Item key="regionId" name="regionId" label={t('ticket.region')} initialValue={ticket.regionId ?? undefined}>
          <RegionSelect aria-label={t('ticket.region')} />
        </Form.Item>,
        <Form.Item key="type" name="type" label={t('ticket.type')} initialValue={ticket.type}>
          <Radio.Group optionType="button" options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))} />
        </Form.Item>,
      ];
    case 'supervise':
      return [
        text(t, 'content', 'actionForm.content', { isRequired: true }),
        <Form.Item key="dueAt" name="dueAt" label={t('actionForm.dueAt')} extra={t('desks.deadlineHint')}>
          <DeadlinePicker />
        </Form.Item>,
      ];
    case 'urge':
    case 'leader_instruction':
      return [text(t, 'content', 'actionForm.content', { isRequired: true })];
    default:
      return [];
  }
}

function decisionField(t: TFunction, options: string[]) {
  return (
    <Form.Item key="decision" name="decision" label={t('actionForm.decision')} rules={[requiredSelect(t, 'actionForm.decision')]}>
      <Radio.Group optionType="button" buttonStyle="solid" options={options.map((o) => ({ value: o, label: t(`enums.decision.${o}`) }))} />
    </Form.Item>
  );
}
