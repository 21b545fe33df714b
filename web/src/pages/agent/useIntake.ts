/** The agent desk's writes: save the form as an order (optionally dispatched), or save it and answer on the spot. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { createTicket, transition } from '../../api/tickets.ts';
import type { KnowledgeItem, TicketDetail } from '../../api/types.ts';
import { linkOrderToCall } from '../../phone/PhoneDesk.tsx';
import { usePhone } from '../../phone/PhoneContext.tsx';
import { buildCreateBody, fieldForServerPath, type IntakeMode, type IntakeValues } from './intake.ts';
import { reportSuggestionDecision } from './SuggestionsPanel.tsx';

export interface IntakeOptions {
  form: FormInstance<IntakeValues>;
  /** The draft's idempotency key: re-sending after a network failure cannot create the order twice. */
  idempotencyKey: () => string;
  /** Empties the form and its draft once the order is saved. */
  onSaved: () => void;
  /** Opens an order: the one saved on the way to a direct answer that then failed. */
  onOpen: (ticketId: number) => void;
}

export function useIntake({ form, idempotencyKey, onSaved, onOpen }: IntakeOptions) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const [answerItem, setAnswerItem] = useState<KnowledgeItem | null>(null);
  const [lastCreated, setLastCreated] = useState<{ detail: TicketDetail; text: string } | null>(null);
  /** The suggestion the agent saw last: the saved order records its decision against exactly that one. */
  const suggestionId = useRef<number | null>(null);
  const onSuggestion = useCallback((id: number | null) => {
    suggestionId.current = id;
  }, []);

  const saveOrder = async (mode: IntakeMode): Promise<TicketDetail | null> => {
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
    const detail = await createTicket(buildCreateBody(values, mode), idempotencyKey());
    if (await linkOrderToCall(phone, detail.id, (err) => message.warning(t('phone.pop.linkFailed', { error: errorMessage(err) }))))
      message.info(t('phone.pop.linked', { number: detail.number }));
    onSaved();
    reportSuggestionDecision(suggestionId.current, detail);
    suggestionId.current = null;
    // a decided suggestion is never shown again from the cache: the same words on the next call ask anew
    queryClient.removeQueries({ queryKey: keys.suggest.all });
    void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
    return detail;
  };

  const onWriteError = (err: unknown) => {
    if (err instanceof ApiError) {
      const problems = err.fieldProblems();
      if (problems.length) form.setFields(problems.map((p) => ({ name: fieldForServerPath(p.path) as never, errors: [p.message] })));
    }
    message.error(errorMessage(err));
  };
  const announce = (detail: TicketDetail, text: string) => {
    setLastCreated({ detail, text });
    message.success(text);
  };

  /** Saves the form as an order (null when the form itself stopped it), saying what was done. */
  const intake = useMutation({
    mutationFn: saveOrder,
    onSuccess: (detail, mode) => {
      if (!detail) return;
      const unit = detail.assignments.find((a) => a.role === 'lead')?.unitName ?? detail.leadUnitName ?? '';
      announce(
        detail,
        mode === 'dispatch' && unit
          ? t('agent.createdDispatched', { number: detail.number, unit })
          : t('agent.created', { number: detail.number }),
      );
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
      announce(closed, t('agent.answered', { number: closed.number }));
      void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
    },
    onError: (err) => {
      onWriteError(err);
      if (savedForAnswer.current) {
        setAnswerItem(null);
        onOpen(savedForAnswer.current.id);
      }
    },
  });

  const isBusy = intake.isPending || directAnswer.isPending;
  return {
    isBusy,
    submit: (mode: IntakeMode) => {
      if (!isBusy) intake.mutate(mode);
    },
    /** The knowledge item the agent is about to answer with (the confirmation dialog is open while set). */
    answerItem,
    setAnswerItem,
    answerDirectly: (answer: string) => {
      if (answerItem) directAnswer.mutate({ item: answerItem, answer });
    },
    lastCreated,
    setLastCreated,
    onSuggestion,
  };
}

/** Ctrl/⌘+S saves, Ctrl/⌘+Enter saves and dispatches, Alt+K goes to the knowledge search. */
export function useIntakeShortcuts(submit: (mode: IntakeMode) => void, focusKnowledge: () => void) {
  const latest = useRef({ submit, focusKnowledge });
  latest.current = { submit, focusKnowledge };
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const isMod = e.ctrlKey || e.metaKey;
      if (isMod && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        latest.current.submit('save');
      } else if (isMod && e.key === 'Enter') {
        e.preventDefault();
        latest.current.submit('dispatch');
      } else if (e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        latest.current.focusKnowledge();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
