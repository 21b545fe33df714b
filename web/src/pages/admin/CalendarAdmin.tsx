/** 工作日历: public holidays and adjusted working days (调休) of a year; other days follow Monday–Friday. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type CalendarYear } from '../../api/admin.ts';
import { keys } from '../../api/keys.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal, useRules } from './FormModal.tsx';

type Day = CalendarYear['days'][number];

export function CalendarAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRules();
  const [year, setYear] = useState(new Date().getFullYear());
  const [isAdding, setAdding] = useState(false);
  const query = useQuery({ queryKey: keys.admin.calendar(year), queryFn: () => adminApi.calendar.year(year) });
  const invalidate = [keys.admin.calendar()];
  const remove = useWrite(adminApi.calendar.removeDay, { invalidate, success: t('common.deleted'), isMessageOnError: true });
  const setDay = useWrite(
    (v: { day: string; isWorkday: boolean; name: string }) => adminApi.calendar.setDay(v.day, { isWorkday: v.isWorkday, name: v.name }),
    { invalidate },
  );
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="calendar-year">{t('admin.year')}</label>
        <InputNumber id="calendar-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {query.data && (
          <Typography.Text type="secondary">
            {query.data.workingDays} {t('enums.handleUnit.working_days')}
          </Typography.Text>
        )}
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('admin.addHoliday')}
        </Button>
        <ExportButton
          filename={`${t('admin.calendar')}-${year}`}
          fetchRows={async () => query.data?.days ?? []}
          columns={[
            { header: t('admin.day'), value: (d: Day) => d.day },
            { header: t('admin.isWorkday'), value: (d: Day) => (d.isWorkday ? t('admin.workday') : t('admin.holiday')) },
            { header: t('admin.holidayName'), value: (d: Day) => d.name },
          ]}
        />
      </Space>
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Day>
          rowKey="day"
          size="small"
          loading={query.isLoading}
          dataSource={query.data?.days ?? []}
          pagination={{ pageSize: 40 }}
          columns={[
            { title: t('admin.day'), dataIndex: 'day', width: 140 },
            {
              title: t('admin.isWorkday'),
              dataIndex: 'isWorkday',
              width: 140,
              render: (v) => (v ? <Tag color="blue">{t('admin.workday')}</Tag> : <Tag color="red">{t('admin.holiday')}</Tag>),
            },
            { title: t('admin.holidayName'), dataIndex: 'name' },
            {
              title: t('common.actions'),
              width: 100,
              render: (_, d) => (
                <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(d.day)}>
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <FormModal<{ day: Dayjs; isWorkday: boolean; name: string }>
        open={isAdding}
        title={t('admin.addHoliday')}
        initialValues={{ isWorkday: false }}
        onCancel={() => setAdding(false)}
        onSubmit={async (v) => {
          await setDay.mutateAsync({ day: v.day.format('YYYY-MM-DD'), isWorkday: v.isWorkday, name: v.name });
          message.success(t('common.saved'));
          setAdding(false);
        }}
      >
        <Form.Item name="day" label={t('admin.day')} rules={[rules.required('admin.day')]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="isWorkday" label={t('admin.isWorkday')}>
          <Radio.Group
            options={[
              { value: false, label: t('admin.holiday') },
              { value: true, label: t('admin.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.holidayName')}
          rules={[rules.required('admin.holidayName'), rules.max('admin.holidayName', 50)]}
        >
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
