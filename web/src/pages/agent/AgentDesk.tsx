/** 受理台: screen pop, intake, knowledge answers, duplicates and dispatch suggestions on one screen. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Form, Row, Space } from 'antd';
import type { InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/AuthContext.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { CallerPanel } from './CallerPanel.tsx';
import { DirectAnswerModal } from './DirectAnswerModal.tsx';
import type { IntakeValues } from './intake.ts';
import { IntakeForm } from './IntakeForm.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { SimilarPanel } from './SimilarPanel.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { useDraft } from './useDraft.ts';
import { useIntake, useIntakeShortcuts } from './useIntake.ts';
import { PhoneDesk } from '../../phone/PhoneDesk.tsx';

export default function AgentDesk() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [form] = Form.useForm<IntakeValues>();
  const draft = useDraft<IntakeValues>(`lx_intake_draft_${me.userId}`);
  const [callerPhone, setCallerPhone] = useState(params.get('phone') ?? '');
  const [openId, setOpenId] = useState<number | null>(null);
  const [restored, setRestored] = useState(false);
  const knowledgeRef = useRef<InputRef>(null);
  const clearIntake = () => {
    draft.clear();
    form.resetFields();
    setCallerPhone('');
    setRestored(false);
  };
  const desk = useIntake({ form, idempotencyKey: () => draft.idempotencyKey(), onSaved: clearIntake, onOpen: setOpenId });
  useIntakeShortcuts(desk.submit, () => knowledgeRef.current?.focus());
  const { lastCreated } = desk;
  const setField = (patch: Partial<IntakeValues>) => {
    form.setFieldsValue(patch);
    draft.save(form.getFieldsValue(true));
  };
  const content = Form.useWatch('content', form) ?? '';
  const categoryId = Form.useWatch('categoryId', form) ?? null;
  const regionId = Form.useWatch('regionId', form) ?? null;

  useEffect(() => {
    const saved = draft.read();
    if (saved && Object.values(saved.values).some((v) => v !== undefined && v !== '' && v !== null && !(Array.isArray(v) && !v.length))) {
      form.setFieldsValue(saved.values);
      if (saved.values.phone && !params.get('phone')) setCallerPhone(saved.values.phone);
      setRestored(true);
    }
    const phone = params.get('phone');
    if (phone) form.setFieldValue('phone', phone);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onCitizen = useCallback(
    (c: { name: string | null; isConfidential: boolean } | null) => {
      if (c?.name && !form.getFieldValue('name')) form.setFieldValue('name', c.name);
    },
    [form],
  );

  return (
    <div className="lx-page" data-testid="agent-desk">
      <PhoneDesk onOpenTicket={setOpenId} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <CallerPanel
              phone={callerPhone}
              onPhone={(phone) => {
                setCallerPhone(phone);
                form.setFieldValue('phone', phone);
                draft.save(form.getFieldsValue(true));
              }}
              onCitizen={onCitizen}
              onOpen={(x) => setOpenId(x.id)}
            />
            {restored && <Alert type="info" showIcon closable title={t('agent.draftRestored')} data-testid="draft-restored" />}
            {lastCreated && (
              <Alert
                type="success"
                showIcon
                closable
                title={lastCreated.text}
                data-testid="intake-result"
                data-number={lastCreated.detail.number}
                action={<a onClick={() => setOpenId(lastCreated.detail.id)}>{t('common.detail')}</a>}
              />
            )}
            <Card size="small" title={t('agent.intake')}>
              <IntakeForm
                form={form}
                isBusy={desk.isBusy}
                onValuesChange={(all) => draft.save(all)}
                onSubmit={desk.submit}
                onClear={clearIntake}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <KnowledgePanel ref={knowledgeRef} suggestedQuery={content} onAnswer={desk.setAnswerItem} />
            <SuggestionsPanel
              categoryId={categoryId}
              regionId={regionId}
              text={content}
              onSuggestion={desk.onSuggestion}
              onUseUnit={(unitId) => setField({ leadUnitId: unitId })}
              onUseCategory={(id) => setField({ categoryId: id })}
              onUseRegion={(id, address) => setField({ regionId: id, ...(address && !form.getFieldValue('address') ? { address } : {}) })}
            />
            <SimilarPanel
              text={content}
              regionId={regionId}
              saved={lastCreated?.detail ?? null}
              onOpen={setOpenId}
              onMerged={(d) => desk.setLastCreated({ detail: d, text: t('agent.merged', { number: d.number }) })}
            />
          </Space>
        </Col>
      </Row>
      <DirectAnswerModal
        item={desk.answerItem}
        isBusy={desk.isBusy}
        onCancel={() => desk.setAnswerItem(null)}
        onConfirm={desk.answerDirectly}
      />
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
