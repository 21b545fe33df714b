/** 我要反映: a short form that works on a phone, with photos. */
import { useState } from 'react';
import { Alert, Button, Cascader, Checkbox, Form, Input, Radio, Result, Typography, Upload } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES } from '../../../../common/enums.ts';
import { LIMITS } from '../../../../common/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { isValidPhone } from '../agent/intake.ts';
import { NearbyReports } from './NearbyReports.tsx';
import { PlacePicker } from './PlacePicker.tsx';
import type { Point } from './place.ts';
import { portalCategories, submitRequest, type TrackProof } from '../../api/portal.ts';
import { keys } from '../../api/keys.ts';

interface Values {
  type: string;
  content: string;
  phone: string;
  name?: string;
  address?: string;
  category?: number[];
  isConfidential?: boolean;
}
const DRAFT_KEY = 'lx_portal_draft';

export function SubmitForm(props: { onTrack: (proof: TrackProof) => void }) {
  const { t, i18n } = useTranslation();
  const [place, setPlace] = useState<Point | null>(null);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const submit = useMutation({
    mutationFn: (values: Values) => {
      const { category, ...rest } = values;
      return submitRequest({
        ...rest,
        categoryId: category?.at(-1),
        lng: place?.lng,
        lat: place?.lat,
        language: i18n.language,
        files: files.map((f) => f.originFileObj as File).filter(Boolean),
      });
    },
    onSuccess: () => localStorage.removeItem(DRAFT_KEY),
    onError: (err) => {
      if (err instanceof ApiError)
        form.setFields(err.fieldProblems().map((p) => ({ name: p.path.split('.')[0] as keyof Values, errors: [p.message] })));
    },
  });
  const error = submit.error;
  const done = submit.data ? { number: submit.data.number, last4: submit.variables.phone.replace(/\D/g, '').slice(-4) } : null;
  const categories = useQuery({ queryKey: keys.portal.categories, queryFn: portalCategories, staleTime: Infinity });
  const type = Form.useWatch('type', form);
  const categoryId = Form.useWatch('category', form)?.at(-1);
  const initial = (() => {
    try {
      return JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') ?? { type: 'help' };
    } catch {
      return { type: 'help' };
    }
  })();

  if (done) {
    return (
      <Result
        status="success"
        title={t('portal.submitted')}
        data-testid="portal-submitted"
        subTitle={
          <>
            <Typography.Title level={4} className="lx-mono" data-testid="portal-number">
              {t('portal.yourNumber', { number: done.number })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('portal.keepNumber')}</Typography.Text>
          </>
        }
        extra={
          <Button type="primary" size="large" onClick={() => props.onTrack({ number: done.number, phoneLast4: done.last4 })}>
            {t('portal.trackNow')}
          </Button>
        }
      />
    );
  }
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="large"
      initialValues={initial}
      requiredMark="optional"
      onValuesChange={(_, all) => {
        try {
          localStorage.setItem(DRAFT_KEY, JSON.stringify(all));
        } catch {
          /* ignore */
        }
      }}
      onFinish={(values) => submit.mutate(values)}
    >
      <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="type" label={t('portal.type')}>
        <Radio.Group optionType="button" options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('portal.content')}
        rules={[{ required: true, message: t('errors.required', { field: t('ticket.content') }) }, { max: LIMITS.contentMax }]}
      >
        <Input.TextArea rows={5} showCount maxLength={LIMITS.contentMax} />
      </Form.Item>
      {categories.data && categories.data.length > 0 && (
        <Form.Item name="category" label={t('ticket.category')}>
          <Cascader options={categories.data} changeOnSelect placeholder={t('portal.categoryHint')} />
        </Form.Item>
      )}
      <Form.Item label={t('portal.map')}>
        <PlacePicker value={place} onChange={setPlace} />
      </Form.Item>
      <NearbyReports point={place} categoryId={categoryId} />
      <Form.Item name="address" label={t('portal.address')} rules={[{ max: LIMITS.addressMax }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('portal.photos')}>
        <Upload
          listType="picture-card"
          accept="image/*"
          multiple
          fileList={files}
          beforeUpload={() => false}
          maxCount={LIMITS.attachmentsPerRequest}
          onChange={({ fileList }) => setFiles(fileList.filter((f) => !f.size || f.size <= LIMITS.attachmentMaxBytes))}
        >
          {files.length < LIMITS.attachmentsPerRequest && (
            <div>
              <CameraOutlined />
              <div style={{ marginTop: 4 }}>{t('portal.addPhoto')}</div>
            </div>
          )}
        </Upload>
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('portal.phone')}
        rules={[
          { required: true, message: t('errors.required', { field: t('portal.phone') }) },
          {
            validator: async (_, v) => {
              if (v && !isValidPhone(v)) throw new Error(t('errors.phone'));
            },
          },
        ]}
      >
        <Input inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="name" label={t('portal.name')} rules={[{ max: LIMITS.nameMax }]}>
        <Input autoComplete="name" />
      </Form.Item>
      {type === 'report' && (
        <Form.Item name="isConfidential" valuePropName="checked">
          <Checkbox>{t('portal.confidential')}</Checkbox>
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('portal.privacy')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="portal-submit">
        {t('portal.submit')}
      </Button>
    </Form>
  );
}
