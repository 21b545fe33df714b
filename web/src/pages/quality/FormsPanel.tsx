/** 质检评分表: the forms; admins create and edit them (an edit of a used form saves a new version). */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { qualityApi, type FormInput, type QualityForm } from '../../api/quality.ts';
import { keys } from '../../api/keys.ts';

export function FormsPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<QualityForm | 'new' | null>(null);
  const forms = useQuery({ queryKey: keys.quality.forms(showInactive), queryFn: () => qualityApi.forms(showInactive) });
  const remove = useMutation({
    mutationFn: (id: number) => qualityApi.deleteForm(id),
    onSuccess: (r) => {
      message.success(r.isDeleted ? t('common.deleted') : t('quality.forms.retired'));
      void queryClient.invalidateQueries({ queryKey: keys.quality.forms() });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const columns: ColumnsType<QualityForm> = [
    {
      title: t('common.name'),
      key: 'name',
      render: (_, f) => (
        <>
          {f.name} <Tag>v{f.version}</Tag>
          {!f.isActive && <Tag>{t('common.inactive')}</Tag>}
          {f.isFrozen && <Tag color="blue">{t('quality.forms.frozen')}</Tag>}
        </>
      ),
    },
    {
      title: t('quality.forms.items'),
      key: 'items',
      render: (_, f) =>
        f.items.map((i) => (
          <Tag key={i.key} color={i.isFatal ? 'red' : undefined}>
            {i.label}
            {i.isFatal ? '' : ` ${i.maxPoints}`}
          </Tag>
        )),
    },
    { title: t('quality.forms.used'), dataIndex: 'usedCount', key: 'used', align: 'right' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, f: QualityForm) => (
              <Space>
                <Button size="small" disabled={!f.isActive} onClick={() => setEditing(f)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={f.isFrozen ? t('quality.forms.confirmRetire') : t('common.confirmDelete')}
                  onConfirm={() => remove.mutate(f.id)}
                >
                  <Button size="small" danger disabled={!f.isActive && f.isFrozen}>
                    {f.isFrozen ? t('quality.forms.retire') : t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={t('quality.forms.title')}
      extra={
        <Space>
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
            {t('quality.forms.showInactive')}
          </Checkbox>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('quality.forms.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('quality.forms.help')}</Typography.Paragraph>
      {forms.isLoading ? (
        <LoadingState />
      ) : forms.error ? (
        <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />
      ) : !forms.data?.items.length ? (
        <EmptyState description={t('quality.forms.empty')} />
      ) : (
        <Table<QualityForm>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={forms.data.items}
          pagination={false}
          data-testid="quality-forms-table"
        />
      )}
      {editing && <FormEditor form={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

const BLANK: FormInput = {
  name: '',
  description: '',
  isActive: true,
  items: [{ key: 'item1', label: '', maxPoints: 100, isFatal: false }],
};

function FormEditor({ form: existing, onClose }: { form: QualityForm | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormInput>();
  const items = (Form.useWatch('items', form) ?? []) as FormInput['items'];
  const total = items.filter((i) => i && !i.isFatal).reduce((s, i) => s + (i.maxPoints ?? 0), 0);
  const save = useMutation({
    mutationFn: (values: FormInput) => {
      const input = { ...values, items: values.items.map((i) => ({ ...i, maxPoints: i.isFatal ? 0 : i.maxPoints })) };
      return existing ? qualityApi.updateForm(existing.id, input) : qualityApi.createForm(input);
    },
    onSuccess: (saved) => {
      message.success(existing && saved.id !== existing.id ? t('quality.forms.newVersion', { version: saved.version }) : t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.quality.forms() });
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      width={720}
      title={existing ? t('quality.forms.edit') : t('quality.forms.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {existing?.isFrozen && <Typography.Paragraph type="warning">{t('quality.forms.frozenHelp')}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        initialValues={existing ?? BLANK}
        onFinish={(v) => save.mutate(v)}
        data-testid="quality-form-editor"
      >
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[{ required: true, message: t('errors.required', { field: t('common.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('quality.forms.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/, message: t('quality.forms.keyRule') }]}
                  >
                    <Input placeholder={t('quality.forms.key')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[{ required: true, message: t('errors.required', { field: t('quality.forms.label') }) }]}
                  >
                    <Input placeholder={t('quality.forms.label')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxPoints']}>
                    <InputNumber min={0} max={100} step={0.5} disabled={!!items[index]?.isFatal} placeholder={t('quality.forms.points')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'isFatal']} valuePropName="checked">
                    <Switch checkedChildren={t('quality.forms.fatal')} unCheckedChildren={t('quality.forms.scored')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <div>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: `item${fields.length + 1}`, label: '', maxPoints: 0, isFatal: false })}
                >
                  {t('quality.forms.addItem')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type={total === 100 ? 'success' : 'danger'} style={{ marginTop: 8 }} data-testid="quality-form-total">
          {t('quality.forms.total', { total })}
        </Typography.Paragraph>
        <Form.Item name="isActive" valuePropName="checked" label={t('common.active')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
