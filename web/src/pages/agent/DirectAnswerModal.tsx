/** 直接办结: the answer given on the phone, pre-filled from the knowledge item, editable before sending. */
import { useEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import type { KnowledgeItem } from '../../api/types.ts';

export function DirectAnswerModal(props: {
  item: KnowledgeItem | null;
  isBusy: boolean;
  onCancel: () => void;
  onConfirm: (answer: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  useEffect(() => {
    if (props.item) form.setFieldsValue({ answer: props.item.content });
  }, [props.item, form]);
  return (
    <Modal
      open={!!props.item}
      title={t('agent.answerTitle')}
      okText={t('actions.direct_answer')}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      confirmLoading={props.isBusy}
      width={640}
      okButtonProps={{ 'data-testid': 'direct-answer-confirm' } as never}
    >
      <Typography.Paragraph type="secondary">{t('agent.answerHint')}</Typography.Paragraph>
      <Typography.Paragraph strong>{props.item?.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => props.onConfirm(v.answer)}>
        <Form.Item
          name="answer"
          label={t('actionForm.answer')}
          rules={[
            { required: true, message: t('errors.required', { field: t('actionForm.answer') }) },
            { max: LIMITS.replyMax, message: t('errors.tooLong', { field: t('actionForm.answer'), max: LIMITS.replyMax }) },
          ]}
        >
          <Input.TextArea rows={8} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
