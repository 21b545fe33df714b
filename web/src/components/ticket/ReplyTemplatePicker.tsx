/** 答复模板: picks the wording a reply starts from and puts it in the form's `content` (asking first if something is written there). */
import { useState } from 'react';
import { App, Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listReplyTemplates, type ReplyTemplate } from '../../api/insight.ts';
import { keys } from '../../api/keys.ts';

export function ReplyTemplatePicker({ categoryId }: { categoryId: number | null }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const form = Form.useFormInstance();
  const [pickedId, setPickedId] = useState<number | null>(null);
  const templates = useQuery({
    queryKey: keys.replyTemplates(categoryId),
    queryFn: () => listReplyTemplates(categoryId),
    staleTime: 5 * 60_000,
  });
  const items = templates.data?.items ?? [];
  const fill = (template: ReplyTemplate) => {
    setPickedId(template.id);
    form.setFieldValue('content', template.content);
    void form.validateFields(['content']);
  };
  const pick = (id: number) => {
    const template = items.find((x) => x.id === id);
    if (!template) return;
    const written = String(form.getFieldValue('content') ?? '').trim();
    if (!written || written === items.find((x) => x.id === pickedId)?.content) {
      fill(template);
      return;
    }
    modal.confirm({ title: t('replyTemplates.replaceTitle'), content: t('replyTemplates.replaceContent'), onOk: () => fill(template) });
  };
  const group = (label: string, list: ReplyTemplate[]) => ({ label, options: list.map((x) => ({ value: x.id, label: x.title })) });
  const forCategory = items.filter((x) => x.categoryId !== null);
  const general = items.filter((x) => x.categoryId === null);
  return (
    <Form.Item label={t('replyTemplates.label')} htmlFor="reply-template" extra={t('replyTemplates.hint')}>
      <Select
        id="reply-template"
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('replyTemplates.placeholder')}
        loading={templates.isLoading}
        value={pickedId ?? undefined}
        onChange={pick}
        data-testid="reply-template"
        notFoundContent={t('common.none')}
        options={[
          ...(forCategory.length ? [group(t('replyTemplates.forCategory'), forCategory)] : []),
          ...(general.length ? [group(t('replyTemplates.general'), general)] : []),
        ]}
      />
    </Form.Item>
  );
}
