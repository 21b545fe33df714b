/** 考核方案: indicators with weights (summing to 100), deductions, and whether 基本满意 counts; compute with it or save it as the default. */
import { useEffect } from 'react';
import { Alert, App, Button, Form, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { analyticsApi, type AnalyticsSettings, type Assessment, type AssessmentConfig, type DeductionKind } from '../../api/analytics.ts';
import { checkScheme, fieldOfError, weightTotal } from './analytics.ts';
import { useDefinitions } from './useDefinitions.ts';
import { keys } from '../../api/keys.ts';

export const DEDUCTION_KINDS: DeductionKind[] = ['overdue', 'improper_return', 'supervision', 'upheld_dissatisfaction'];

export function SchemeSummary({ config }: { config: AssessmentConfig }) {
  const { t } = useTranslation();
  const { byId } = useDefinitions();
  return (
    <Space size={[4, 4]} wrap data-testid="scheme-summary">
      <Typography.Text type="secondary">{t('analytics.assessment.schemeWeights')}</Typography.Text>
      {config.indicators.map((i) => (
        <Tag key={i.id} color="blue">
          {byId.get(i.id)?.name ?? i.id} {i.weight}
        </Tag>
      ))}
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {t('analytics.assessment.schemeDeductions')}
      </Typography.Text>
      {config.deductions.map((d) => (
        <Tag key={d.kind} color="orange">
          {t('analytics.assessment.deductionRule', { kind: t(`analytics.deduction.${d.kind}`), each: d.pointsEach, max: d.maxPoints })}
        </Tag>
      ))}
      <Tag>{config.satisfactionCountsBasic ? t('analytics.assessment.basicCounts') : t('analytics.assessment.basicNotCounts')}</Tag>
    </Space>
  );
}

export function SchemeModal(props: {
  open: boolean;
  initial: AssessmentConfig;
  settings?: AnalyticsSettings;
  isAdmin: boolean;
  onClose: () => void;
  /** Computes the month with the scheme (the caller's write, which closes the modal when done). */
  compute: UseMutationResult<Assessment, Error, AssessmentConfig>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { list, byId } = useDefinitions();
  const [form] = Form.useForm<AssessmentConfig>();
  const save = useMutation({
    mutationFn: (config: AssessmentConfig) => analyticsApi.saveSettings({ ...props.settings!, assessment: config }),
    onSuccess: () => {
      message.success(t('analytics.scheme.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.analytics.settings });
    },
  });
  const { compute } = props;
  // a problem the server names on a list goes beside it; any other shows above the form
  const listOf = (err: unknown) => {
    const field = fieldOfError(err);
    return field === 'indicators' || field === 'deductions' ? field : null;
  };
  const failed = [save.error, compute.error].find((err) => err && !listOf(err)) ?? null;
  const indicators = Form.useWatch('indicators', form) ?? [];
  const total = weightTotal({ indicators: indicators.filter(Boolean) });

  useEffect(() => {
    if (props.open) {
      form.setFieldsValue(structuredClone(props.initial));
      save.reset();
      compute.reset();
    }
  }, [props.open]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Checks in the browser first; puts each problem (or the server's) beside its list. */
  async function run(kind: 'compute' | 'save') {
    save.reset();
    compute.reset();
    form.setFields([
      { name: 'indicators', errors: [] },
      { name: 'deductions', errors: [] },
    ]);
    let values: AssessmentConfig;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const config: AssessmentConfig = {
      indicators: values.indicators.map((i) => ({ id: i.id, weight: Number(i.weight) })),
      deductions: (values.deductions ?? []).map((d) => ({
        kind: d.kind,
        pointsEach: Number(d.pointsEach),
        maxPoints: Number(d.maxPoints),
      })),
      satisfactionCountsBasic: !!values.satisfactionCountsBasic,
    };
    const problems = checkScheme(config);
    if (problems.length) {
      form.setFields(
        problems.map((p) => ({
          name: p.field,
          errors: [
            p.field === 'indicators' && p.problem === 'weights'
              ? t('analytics.scheme.weightsNot100', { total: p.total })
              : t(`analytics.scheme.${p.field}_${p.problem}`),
          ],
        })) as never,
      );
      return;
    }
    if (kind === 'save' && !props.settings) return;
    try {
      await (kind === 'compute' ? compute : save).mutateAsync(config);
    } catch (err) {
      const field = listOf(err);
      if (field) form.setFields([{ name: field, errors: [errorMessage(err)] }] as never);
    }
  }

  const assessable = list.filter((d) => d.isAssessable);
  return (
    <Modal
      open={props.open}
      title={t('analytics.assessment.scheme')}
      onCancel={props.onClose}
      width={720}
      destroyOnHidden
      forceRender
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>,
        props.isAdmin ? (
          <Button key="save" loading={save.isPending} onClick={() => void run('save')}>
            {t('analytics.scheme.saveDefault')}
          </Button>
        ) : null,
        <Button key="compute" type="primary" loading={compute.isPending} onClick={() => void run('compute')} data-testid="scheme-compute">
          {t('analytics.scheme.computeWith')}
        </Button>,
      ]}
    >
      {failed ? <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" data-testid="scheme-form">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('analytics.scheme.indicators')}{' '}
          <Tag color={Math.abs(total - 100) < 1e-9 ? 'green' : 'red'} data-testid="weight-total">
            {t('analytics.scheme.total', { total })}
          </Tag>
        </Typography.Title>
        <Form.List name="indicators">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'id']}
                    rules={[{ required: true, message: t('errors.requiredSelect', { field: t('analytics.scheme.indicator') }) }]}
                    style={{ width: 300 }}
                  >
                    <Select
                      aria-label={t('analytics.scheme.indicator')}
                      options={assessable.map((d) => ({ value: d.id, label: d.name, title: d.formula }))}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weight']}
                    rules={[{ required: true, message: t('errors.required', { field: t('analytics.scheme.weight') }) }]}
                  >
                    <InputNumber
                      aria-label={t('analytics.scheme.weight')}
                      min={0}
                      max={100}
                      step={5}
                      addonAfter={t('analytics.scheme.weight')}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ maxWidth: 160 }} ellipsis>
                    {byId.get(indicators[field.name]?.id)?.direction === 'lower_better' ? t('analytics.scheme.inverse') : ''}
                  </Typography.Text>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: undefined, weight: 0 })} style={{ marginBottom: 16 }}>
                {t('analytics.scheme.addIndicator')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('analytics.scheme.deductions')}</Typography.Title>
        <Form.List name="deductions">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[{ required: true, message: t('errors.requiredSelect', { field: t('analytics.scheme.deduction') }) }]}
                    style={{ width: 180 }}
                  >
                    <Select
                      aria-label={t('analytics.scheme.deduction')}
                      options={DEDUCTION_KINDS.map((k) => ({ value: k, label: t(`analytics.deduction.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'pointsEach']}
                    rules={[{ required: true, message: t('errors.required', { field: t('analytics.scheme.pointsEach') }) }]}
                  >
                    <InputNumber
                      aria-label={t('analytics.scheme.pointsEach')}
                      min={0}
                      step={0.5}
                      addonAfter={t('analytics.scheme.pointsEach')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'maxPoints']}
                    rules={[{ required: true, message: t('errors.required', { field: t('analytics.scheme.maxPoints') }) }]}
                  >
                    <InputNumber
                      aria-label={t('analytics.scheme.maxPoints')}
                      min={0}
                      step={1}
                      addonAfter={t('analytics.scheme.maxPoints')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: undefined, pointsEach: 0.5, maxPoints: 10 })}
                style={{ marginBottom: 16 }}
              >
                {t('analytics.scheme.addDeduction')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="satisfactionCountsBasic" valuePropName="checked" label={t('analytics.scheme.countsBasic')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
