/** A modal form for the admin editors: keeps what was typed on failure and shows server errors beside fields. */
import { useEffect, useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.ts';

export function FormModal<T extends object>(props: {
  open: boolean;
  title: string;
  initialValues?: Partial<T>;
  onCancel: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  children: React.ReactNode | ((form: FormInstance<T>) => React.ReactNode);
  width?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      if (props.initialValues) form.setFieldsValue(props.initialValues as never);
      setError(null);
    }
  }, [props.open]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={isBusy}
      destroyOnHidden
      width={props.width ?? 560}
      forceRender
    >
      {error && !(error instanceof ApiError && error.fieldProblems().length) ? (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          setBusy(true);
          setError(null);
          try {
            await props.onSubmit(values);
          } catch (err) {
            setError(err);
            if (err instanceof ApiError)
              form.setFields(err.fieldProblems().map((p) => ({ name: p.path.split('.') as never, errors: [p.message] })));
          } finally {
            setBusy(false);
          }
        }}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}

/** The rules most admin fields need, in the user's language. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: (labelKey: string) => ({ required: true, message: t('errors.required', { field: t(labelKey) }) }),
    max: (labelKey: string, max: number) => ({ max, message: t('errors.tooLong', { field: t(labelKey), max }) }),
  };
}
