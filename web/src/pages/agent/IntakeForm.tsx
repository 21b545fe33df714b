/** 受理登记: the intake form, fully keyboard operable, every field labelled, errors beside the field. */
import { Button, Checkbox, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, URGENCIES } from '../../../../common/enums.ts';
import { CategoryCascader, RegionSelect, UnitSelect } from '../../components/pickers.tsx';
import { INTAKE_LIMITS, isValidPhone, type IntakeMode, type IntakeValues } from './intake.ts';

export function IntakeForm(props: {
  form: FormInstance<IntakeValues>;
  onValuesChange: (all: IntakeValues) => void;
  onSubmit: (mode: IntakeMode) => void;
  onClear: () => void;
  isBusy: boolean;
}) {
  const { t } = useTranslation();
  const req = (key: string) => ({ required: true, message: t('errors.required', { field: t(key) }) });
  const reqSel = (key: string) => ({ required: true, message: t('errors.requiredSelect', { field: t(key) }) });
  const max = (key: string, n: number) => ({ max: n, message: t('errors.tooLong', { field: t(key), max: n }) });
  return (
    <Form<IntakeValues>
      form={props.form}
      layout="vertical"
      initialValues={{ type: 'complaint', urgency: 'normal', isConfidential: false, coUnitIds: [] }}
      onValuesChange={(_, all) => props.onValuesChange(all)}
      onFinish={() => props.onSubmit('save')}
      data-testid="intake-form"
      aria-label={t('agent.intake')}
      size="middle"
      scrollToFirstError
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="phone"
            label={t('ticket.phone')}
            rules={[
              {
                validator: async (_, v) => {
                  if (v && !isValidPhone(v)) throw new Error(t('errors.phone'));
                },
              },
            ]}
          >
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t('ticket.citizenName')} rules={[max('ticket.citizenName', INTAKE_LIMITS.name)]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="isConfidential" label={t('ticket.confidential')} valuePropName="checked">
            <Checkbox>{t('ticket.confidentialHidden')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name="type" label={t('ticket.type')} rules={[reqSel('ticket.type')]}>
            <Radio.Group optionType="button" options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="urgency" label={t('ticket.urgency')}>
            <Radio.Group optionType="button" options={URGENCIES.map((v) => ({ value: v, label: t(`enums.urgency.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="categoryId" label={t('ticket.category')} rules={[reqSel('ticket.category')]}>
            <CategoryCascader aria-label={t('ticket.category')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionId" label={t('ticket.region')}>
            <RegionSelect aria-label={t('ticket.region')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('ticket.address')} rules={[max('ticket.address', INTAKE_LIMITS.address)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="content" label={t('ticket.content')} rules={[req('ticket.content'), max('ticket.content', INTAKE_LIMITS.content)]}>
        <Input.TextArea rows={5} showCount maxLength={INTAKE_LIMITS.content} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="leadUnitId" label={t('agent.dispatchTarget')} extra={t('agent.dispatchTargetHint')}>
            <UnitSelect aria-label={t('agent.dispatchTarget')} placeholder={t('dispatch.unitSearch')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="coUnitIds" label={t('dispatch.co')}>
            <UnitSelect multiple aria-label={t('dispatch.co')} placeholder={t('dispatch.unitSearch')} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={props.isBusy} data-testid="intake-save">
          {t('agent.save')}
        </Button>
        <Button onClick={() => props.onSubmit('dispatch')} loading={props.isBusy} data-testid="intake-dispatch">
          {t('agent.saveAndDispatch')}
        </Button>
        <Button onClick={props.onClear}>{t('agent.clearDraft')}</Button>
        <Typography.Text type="secondary">{t('agent.shortcuts')}</Typography.Text>
      </Space>
    </Form>
  );
}
