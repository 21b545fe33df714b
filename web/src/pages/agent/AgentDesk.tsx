/** 受理台: screen pop, intake, knowledge answers, duplicates and dispatch suggestions on one screen. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Card, Col, Form, Row, Space } from 'antd';
import type { InputRef } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { createTicket, transition } from '../../api/tickets.ts';
import type { KnowledgeItem, TicketDetail } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { TicketDrawer } from '../../components/ticket/TicketDrawer.tsx';
import { CallerPanel } from './CallerPanel.tsx';
import { DirectAnswerModal } from './DirectAnswerModal.tsx';
import { buildCreateBody, fieldForServerPath, type IntakeMode, type IntakeValues } from './intake.ts';
import { IntakeForm } from './IntakeForm.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { SimilarPanel } from './SimilarPanel.tsx';
import { reportSuggestionDecision, SuggestionsPanel } from './SuggestionsPanel.tsx';
import { useDraft } from './useDraft.ts';
import { linkOrderToCall, PhoneDesk } from '../../phone/PhoneDesk.tsx';
import { usePhone } from '../../phone/PhoneContext.tsx';
import { keys } from '../../api/keys.ts';

export default function AgentDesk() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const [params] = useSearchParams();
  const [form] = Form.useForm<IntakeValues>();
  const draft = useDraft<IntakeValues>(`lx_intake_draft_${me.userId}`);
  const [callerPhone, setCallerPhone] = useState(params.get('phone') ?? '');
  const [openId, setOpenId] = useState<number | null>(null);
  const [answerItem, setAnswerItem] = useState<KnowledgeItem | null>(null);
  const [lastCreated, setLastCreated] = useState<{ detail: TicketDetail; text: string } | null>(null);
  const [restored, setRestored] = useState(false);
  const knowledgeRef = useRef<InputRef>(null);
  const suggestionId = useRef<number | null>(null);
  const onSuggestion = useCallback((id: number | null) => {
    suggestionId.current = id;
  }, []);
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

  const applyServerErrors = useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) return;
      const problems = err.fieldProblems();
      if (problems.length) form.setFields(problems.map((p) => ({ name: fieldForServerPath(p.path) as never, errors: [p.message] })));
    },
    [form],
  );

  const saveOrder = useCallback(
    async (mode: IntakeMode): Promise<TicketDetail | null> => {
      let values: IntakeValues;
      try {
        values = await form.validateFields();
      } catch {
        return null;
      }
      if (mode === 'dispatch' && !values.leadUnitId) {
        form.setFields([{ name: 'leadUnitId', errors: [t('agent.needUnit')] }]);
        return null;
      }
      const detail = await createTicket(buildCreateBody(values, mode), draft.idempotencyKey());
      if (await linkOrderToCall(phone, detail.id, (err) => message.warning(t('phone.pop.linkFailed', { error: errorMessage(err) }))))
        message.info(t('phone.pop.linked', { number: detail.number }));
      draft.clear();
      form.resetFields();
      setCallerPhone('');
      setRestored(false);
      reportSuggestionDecision(suggestionId.current, detail);
      suggestionId.current = null;
      // a decided suggestion is never shown again from the cache: the same words on the next call ask anew
      queryClient.removeQueries({ queryKey: keys.suggest.all });
      void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
      return detail;
    },
    [form, draft, queryClient, t, phone, message],
  );

  const onWriteError = (err: unknown) => {
    applyServerErrors(err);
    message.error(errorMessage(err));
  };
  /** Saves the form as an order (null when the form itself stopped it), saying what was done. */
  const intake = useMutation({
    mutationFn: saveOrder,
    onSuccess: (detail, mode) => {
      if (!detail) return;
      const unit = detail.assignments.find((a) => a.role === 'lead')?.unitName ?? detail.leadUnitName ?? '';
      const text =
        mode === 'dispatch' && unit
          ? t('agent.createdDispatched', { number: detail.number, unit })
          : t('agent.created', { number: detail.number });
      setLastCreated({ detail, text });
      message.success(text);
    },
    onError: onWriteError,
  });
  /** The order saved on the way to a direct answer, kept for when the answer then fails: the agent opens it. */
  const savedForAnswer = useRef<TicketDetail | null>(null);
  /** 直接办结: the order is saved, then closed with the knowledge item's answer. */
  const directAnswer = useMutation({
    mutationFn: async ({ item, answer }: { item: KnowledgeItem; answer: string }) => {
      savedForAnswer.current = null;
      // The item answers for a category: the order takes it when the agent has not picked one.
      if (!form.getFieldValue('categoryId') && item.categoryId) form.setFieldsValue({ categoryId: item.categoryId });
      const created = await saveOrder('save');
      if (!created) return null;
      savedForAnswer.current = created;
      return transition(created, 'direct_answer', { answer, knowledgeItemIds: [item.id] });
    },
    onSuccess: (closed) => {
      setAnswerItem(null);
      if (!closed) return;
      const text = t('agent.answered', { number: closed.number });
      setLastCreated({ detail: closed, text });
      message.success(text);
      void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
    },
    onError: (err) => {
      onWriteError(err);
      if (savedForAnswer.current) {
        setAnswerItem(null);
        setOpenId(savedForAnswer.current.id);
      }
    },
  });
  const isBusy = intake.isPending || directAnswer.isPending;
  const submit = (mode: IntakeMode) => {
    if (!isBusy) intake.mutate(mode);
  };
  const answerDirectly = (answer: string) => {
    if (answerItem) directAnswer.mutate({ item: answerItem, answer });
  };

  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const isMod = e.ctrlKey || e.metaKey;
      if (isMod && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        submitRef.current('save');
      } else if (isMod && e.key === 'Enter') {
        e.preventDefault();
        submitRef.current('dispatch');
      } else if (e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        knowledgeRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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
                isBusy={isBusy}
                onValuesChange={(all) => draft.save(all)}
                onSubmit={submit}
                onClear={() => {
                  draft.clear();
                  form.resetFields();
                  setCallerPhone('');
                  setRestored(false);
                }}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <KnowledgePanel ref={knowledgeRef} suggestedQuery={content} onAnswer={setAnswerItem} />
            <SuggestionsPanel
              categoryId={categoryId}
              regionId={regionId}
              text={content}
              onSuggestion={onSuggestion}
              onUseUnit={(unitId) => setField({ leadUnitId: unitId })}
              onUseCategory={(id) => setField({ categoryId: id })}
              onUseRegion={(id, address) => setField({ regionId: id, ...(address && !form.getFieldValue('address') ? { address } : {}) })}
            />
            <SimilarPanel
              text={content}
              regionId={regionId}
              saved={lastCreated?.detail ?? null}
              onOpen={setOpenId}
              onMerged={(d) => setLastCreated({ detail: d, text: t('agent.merged', { number: d.number }) })}
            />
          </Space>
        </Col>
      </Row>
      <DirectAnswerModal item={answerItem} isBusy={isBusy} onCancel={() => setAnswerItem(null)} onConfirm={answerDirectly} />
      <TicketDrawer ticketId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
