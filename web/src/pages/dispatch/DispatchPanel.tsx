/** Lead and co-handler units, the deadlines they will get, and the confirm button (one order or many). */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { errorMessage } from '../../api/client.ts';
import { getTicket, slaPreview, transition } from '../../api/tickets.ts';
import type { TicketDetail, TicketSummary } from '../../api/types.ts';
import { ActionModal } from '../../components/ticket/ActionModal.tsx';
import { DispatchSuggestions, useCatalogueUnits } from './DispatchSuggestions.tsx';
import { useUnits } from '../../api/reference.ts';
import { UnitSelect } from '../../components/pickers.tsx';
import { formatTime } from '../../lib/format.ts';
import { UnitTree } from './UnitTree.tsx';
import { keys } from '../../api/keys.ts';

export function DispatchPanel(props: { selected: TicketSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [leadUnitId, setLead] = useState<number | null>(null);
  const [coUnitIds, setCo] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [offReason, setOffReason] = useState('');
  const [offError, setOffError] = useState(false);
  const [classifying, setClassifying] = useState<TicketDetail | null>(null);
  const first = props.selected[0];
  // a unit picked for one order is never carried over to another the user turns to
  useEffect(() => {
    setLead(null);
    setCo([]);
    setOffReason('');
    setOffError(false);
  }, [first?.id]);
  const { allowed } = useCatalogueUnits(first);
  /** The chosen unit is not one the dispatch catalogue names for the order's category and region. */
  const isOffCatalogue = !!leadUnitId && !!allowed && !allowed.has(leadUnitId);
  const isUnclassified = !!first && (!first.categoryId || !first.regionId);
  const preview = useQuery({
    queryKey: keys.slaPreview(first?.type, first?.urgency, first?.categoryId),
    queryFn: () => slaPreview({ type: first!.type, urgency: first!.urgency, categoryId: first!.categoryId }),
    enabled: !!first,
    retry: false,
  });
  const leadName = units.data?.find((u) => u.id === leadUnitId)?.name;

  /** 批量派单: every selected order is dispatched on its own; those refused are listed with the server's reason. */
  const dispatch = useMutation({
    mutationFn: async (input: { tickets: TicketSummary[]; body: Record<string, unknown> }) => {
      const results = await Promise.allSettled(input.tickets.map((ticket) => transition(ticket, 'dispatch', input.body)));
      return results.flatMap((r, i) => (r.status === 'rejected' ? [`${input.tickets[i].number}: ${errorMessage(r.reason)}`] : []));
    },
    onSuccess: (failed, input) => {
      const ok = input.tickets.length - failed.length;
      void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
      if (failed.length) message.warning(t('dispatch.partial', { ok, failed: failed.length }));
      else message.success(t('dispatch.dispatched', { count: ok }));
      if (ok) {
        setNote('');
        setOffReason('');
        props.onDone();
      }
    },
  });
  const failures = dispatch.data ?? [];

  function dispatchAll() {
    if (!leadUnitId || !props.selected.length) return;
    if (isOffCatalogue && !offReason.trim()) {
      setOffError(true);
      return;
    }
    dispatch.mutate({
      tickets: props.selected,
      body: {
        leadUnitId,
        coUnitIds: coUnitIds.filter((id) => id !== leadUnitId),
        note: note.trim() || undefined,
        offCatalogueReason: offReason.trim() || undefined,
      },
    });
  }

  return (
    <Card size="small" title={t('dispatch.selectUnit')} data-testid="dispatch-panel">
      {isUnclassified && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unclassified"
          title={t('desks.unclassified', { number: first!.number })}
          action={
            <Button
              size="small"
              data-testid="classify"
              onClick={async () => {
                try {
                  setClassifying(await getTicket(first!.id));
                } catch (err) {
                  message.error(errorMessage(err));
                }
              }}
            >
              {t('actions.classify')}
            </Button>
          }
        />
      )}
      {first && <DispatchSuggestions ticket={first} onUseUnit={setLead} />}
      <Form layout="vertical">
        <UnitTree value={leadUnitId} onChange={setLead} />
        <Form.Item label={t('dispatch.lead')} style={{ marginTop: 8 }} required>
          <UnitSelect value={leadUnitId} onChange={setLead} aria-label={t('dispatch.lead')} />
        </Form.Item>
        <Form.Item label={t('dispatch.co')}>
          <UnitSelect
            multiple
            value={coUnitIds}
            onChange={setCo}
            excludeIds={leadUnitId ? [leadUnitId] : []}
            aria-label={t('dispatch.co')}
          />
        </Form.Item>
        {isOffCatalogue && (
          <Form.Item
            label={t('desks.offCatalogueReason')}
            required
            validateStatus={offError ? 'error' : undefined}
            help={offError ? t('desks.offCatalogueNeedsReason') : undefined}
          >
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="off-catalogue"
              title={t('desks.offCatalogue', { unit: leadName ?? '' })}
            />
            <Input.TextArea
              id="off-catalogue-reason"
              rows={2}
              value={offReason}
              maxLength={LIMITS.reasonMax}
              onChange={(e) => {
                setOffReason(e.target.value);
                setOffError(false);
              }}
            />
          </Form.Item>
        )}
        <Form.Item label={t('dispatch.note')}>
          <Input.TextArea rows={2} value={note} maxLength={LIMITS.reasonMax} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <Card size="small" type="inner" title={t('dispatch.preview')} style={{ marginBottom: 12 }} data-testid="deadline-preview">
        {!first ? (
          <Typography.Text type="secondary">{t('dispatch.selectTickets')}</Typography.Text>
        ) : preview.data ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{t('dispatch.previewSign', { time: formatTime(preview.data.signDueAt) })}</Typography.Text>
            <Typography.Text strong>{t('dispatch.previewHandle', { time: formatTime(preview.data.handleDueAt) })}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{preview.isLoading ? t('common.loading') : t('dispatch.previewUnknown')}</Typography.Text>
        )}
      </Card>
      {failures.length > 0 && <Alert type="error" showIcon title={failures.join('；')} style={{ marginBottom: 12 }} />}
      <Button
        type="primary"
        block
        disabled={!leadUnitId || !props.selected.length}
        loading={dispatch.isPending}
        onClick={dispatchAll}
        data-testid="dispatch-confirm"
      >
        {props.selected.length > 1
          ? t('dispatch.bulk', { count: props.selected.length })
          : first
            ? t('desks.actOn', { action: t('dispatch.confirm'), number: first.number })
            : t('dispatch.confirm')}
        {leadName ? ` → ${leadName}` : ''}
      </Button>
      {classifying && <ActionModal ticket={classifying} action="classify" onClose={() => setClassifying(null)} />}
    </Card>
  );
}
