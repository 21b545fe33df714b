import { useEffect, useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ApiError, errorMessage } from '../../api/client.ts';
import { getTicketByNumber } from '../../api/tickets.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useTransition } from '../../hooks/useTransition.ts';
import { actionFields } from './actionFields.tsx';

/** Actions that need nothing typed: run at once with a confirmation inside the button. */
export const INSTANT_ACTIONS = ['sign'];

export function ActionModal(props: {
  ticket: TicketDetail;
  action: string | null;
  onClose: () => void;
  onDone?: (detail: TicketDetail, action: string) => void;
  subUnitIds?: number[];
  initialValues?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const mutation = useTransition({
    onDone: (d, a) => {
      props.onDone?.(d, a);
      props.onClose();
    },
    showsFieldErrors: true,
  });
  /** Whether the last failure's problems were all put beside fields of this form (else the alert says it). */
  const [isShownByFields, setShownByFields] = useState(false);
  const { action, ticket } = props;

  useEffect(() => {
    if (action) {
      form.resetFields();
      if (props.initialValues) form.setFieldsValue(props.initialValues);
      mutation.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  async function submit(values: Record<string, unknown>) {
    const body: Record<string, unknown> = { ...values };
    if (action === 'merge') {
      try {
        const main = await getTicketByNumber(String(values.mainNumber).trim());
        body.mainTicketId = main.id;
        delete body.mainNumber;
      } catch (err) {
        form.setFields([{ name: 'mainNumber', errors: [errorMessage(err)] }]);
        return;
      }
    }
    if (body.dueAt) body.dueAt = (body.dueAt as Dayjs).toISOString();
    for (const [k, v] of Object.entries(body)) if (v === undefined || v === '') delete body[k];
    mutation.mutate(
      { ticket, action: action!, body },
      {
        onError: (error) => {
          setShownByFields(false);
          if (error instanceof ApiError) {
            // only problems of fields this form shows can be put beside them (mainTicketId is asked as mainNumber)
            const problems = error.fieldProblems().map((p) => ({ ...p, path: p.path === 'mainTicketId' ? 'mainNumber' : p.path }));
            const fields = problems
              .filter((p) => form.getFieldInstance(p.path.split('.') as never) !== undefined || p.path in form.getFieldsValue(true))
              .map((p) => ({ name: p.path.split('.'), errors: [p.message] }));
            if (fields.length) form.setFields(fields as never);
            setShownByFields(fields.length > 0 && fields.length === problems.length);
          }
        },
      },
    );
  }

  return (
    <Modal
      open={!!action}
      title={action ? `${t(`actions.${action}`)} · ${ticket.number}` : ''}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
    >
      {mutation.error && !isShownByFields && (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 12 }} data-testid="action-error" />
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {action ? actionFields(action, t, ticket, { subUnitIds: props.subUnitIds, decision }) : null}
      </Form>
    </Modal>
  );
}
