/**
 * 派单目录: which unit handles which category in which region. Listed by category and region; rows are added,
 * changed and retired here or imported from Excel (the exported sheet is the template); every change is in the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tabs, Upload } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi, type CatalogueChange, type CatalogueEntry } from '../../api/admin.ts';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { Category } from '../../api/types.ts';
import { flattenTree, useCategories, useRegions, useUnits } from '../../api/reference.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { CategoryCascader, RegionSelect, UnitSelect } from '../../components/pickers.tsx';
import { loadExcelJs } from '../../lib/excel.ts';
import { formatTime } from '../../lib/format.ts';
import { useWrite } from '../../hooks/useWrite.ts';
import { FormModal } from './FormModal.tsx';

type Entry = CatalogueEntry;
type Change = CatalogueChange;

export function CatalogueAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ categoryId?: number; regionId?: number }>({});
  const [editing, setEditing] = useState<Partial<Entry> | null>(null);
  const [importResult, setImportResult] = useState<{ ok: number; failed: string[] } | null>(null);
  const categories = useCategories();
  const regions = useRegions();
  const units = useUnits();
  const list = useQuery({ queryKey: keys.admin.catalogue(filter), queryFn: () => adminApi.catalogue.list(filter) });
  const history = useQuery({ queryKey: keys.admin.catalogueHistory, queryFn: adminApi.catalogue.history });
  const invalidate = [keys.admin.catalogue(), keys.admin.catalogueHistory, keys.catalogue()];
  const remove = useWrite(adminApi.catalogue.remove, { invalidate, success: t('desks.retired'), isMessageOnError: true });
  const save = useWrite((v: { id?: number; body: Record<string, unknown> }) => adminApi.catalogue.save(v.id, v.body), { invalidate });
  // the whole file is one write: rows are saved one by one, the lists refreshed once
  const importer = useWrite(importFile, { invalidate, isMessageOnError: true });
  const sorted = [...(list.data ?? [])].sort(
    (a, b) => a.categoryPathName.localeCompare(b.categoryPathName, 'zh') || (a.regionName ?? '').localeCompare(b.regionName ?? '', 'zh'),
  );

  async function importFile(file: File) {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const allCategories = flattenTree(categories.data ?? []);
    const allRegions = flattenTree(regions.data ?? []);
    const failed: string[] = [];
    let ok = 0;
    const rows: { n: number; cells: string[] }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push({ n, cells: [1, 2, 3, 4].map((i) => String(row.getCell(i).text ?? '').trim()) });
    });
    for (const {
      n,
      cells: [categoryText, regionText, unitText, note],
    } of rows) {
      const category = allCategories.find((c) => c.pathName === categoryText || c.name === categoryText);
      const region = regionText && regionText !== t('desks.allRegions') ? allRegions.find((r) => r.name === regionText) : null;
      const unit = (units.data ?? []).find((u) => u.name === unitText);
      if (!category || region === undefined || !unit) {
        failed.push(t('desks.importRowUnknown', { row: n }));
        continue;
      }
      try {
        await adminApi.catalogue.save(undefined, {
          categoryId: category.id,
          regionId: region?.id ?? null,
          unitId: unit.id,
          note: note || null,
        });
        ok++;
      } catch (err) {
        failed.push(`${t('desks.importRow', { row: n })}${errorMessage(err)}`);
      }
    }
    setImportResult({ ok, failed });
  }

  const table = list.error ? (
    <ErrorState error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <Table<Entry>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={sorted}
      pagination={{ pageSize: 30, showSizeChanger: false, showTotal: (n) => t('desks.total', { count: n }) }}
      data-testid="catalogue-table"
      onRow={(r) => ({ 'data-entry-id': r.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('ticket.category'), dataIndex: 'categoryPathName' },
        { title: t('ticket.region'), dataIndex: 'regionName', width: 140, render: (v) => v ?? t('desks.allRegions') },
        { title: t('dispatch.lead'), dataIndex: 'unitName', width: 200 },
        { title: t('ticket.note'), dataIndex: 'note', ellipsis: true },
        {
          title: t('common.actions'),
          width: 150,
          render: (_, r) => (
            <Space>
              <Button size="small" onClick={() => setEditing(r)} data-testid="catalogue-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm title={t('desks.retireConfirm', { unit: r.unitName })} onConfirm={() => remove.mutate(r.id)}>
                <Button size="small" danger data-testid="catalogue-retire">
                  {t('desks.retire')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <Card size="small" data-testid="catalogue-admin">
      <Space wrap style={{ marginBottom: 12 }}>
        <CategoryCascader
          aria-label={t('ticket.category')}
          placeholder={t('ticket.category')}
          style={{ width: 220 }}
          value={filter.categoryId}
          onChange={(v) => setFilter({ ...filter, categoryId: v ?? undefined })}
        />
        <RegionSelect
          aria-label={t('ticket.region')}
          placeholder={t('ticket.region')}
          style={{ width: 160 }}
          value={filter.regionId}
          onChange={(v) => setFilter({ ...filter, regionId: v ?? undefined })}
        />
        <Button type="primary" onClick={() => setEditing({})} data-testid="catalogue-add">
          {t('common.create')}
        </Button>
        <ExportButton
          filename={t('admin.catalogue')}
          fetchRows={async () => sorted}
          columns={[
            { header: t('ticket.category'), width: 40, value: (r: Entry) => r.categoryPathName },
            { header: t('ticket.region'), value: (r: Entry) => r.regionName ?? t('desks.allRegions') },
            { header: t('dispatch.lead'), width: 28, value: (r: Entry) => r.unitName },
            { header: t('ticket.note'), width: 30, value: (r: Entry) => r.note ?? '' },
          ]}
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            importer.mutate(file);
            return false;
          }}
        >
          <Button data-testid="catalogue-import">{t('desks.importExcel')}</Button>
        </Upload>
      </Space>
      {importResult && (
        <Alert
          type={importResult.failed.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setImportResult(null)}
          style={{ marginBottom: 12 }}
          data-testid="catalogue-import-result"
          title={t('desks.imported', { ok: importResult.ok, failed: importResult.failed.length })}
          description={importResult.failed.length ? importResult.failed.join('；') : undefined}
        />
      )}
      <Tabs
        items={[
          { key: 'list', label: t('admin.catalogue'), children: table },
          {
            key: 'history',
            label: t('desks.history'),
            children: (
              <Table<Change>
                rowKey="id"
                size="small"
                loading={history.isLoading}
                dataSource={history.data ?? []}
                pagination={{ pageSize: 30, showSizeChanger: false }}
                data-testid="catalogue-history"
                columns={[
                  { title: t('ticket.updatedAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
                  { title: t('ticket.actor'), dataIndex: 'actorName', width: 120, render: (v) => v ?? '—' },
                  {
                    title: t('common.actions'),
                    dataIndex: 'action',
                    width: 100,
                    render: (v: string) => t(`desks.change.${v.replace('_dispatch_entry', '') as 'create' | 'update' | 'delete'}`),
                  },
                  {
                    title: t('common.detail'),
                    dataIndex: 'details',
                    render: (d: Record<string, unknown>) => (
                      <span className="lx-mono" style={{ fontSize: 12 }}>
                        {describe(d, categories.data, units.data)}
                      </span>
                    ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <FormModal<Record<string, unknown>>
        open={!!editing}
        title={editing?.id ? t('common.edit') : t('common.create')}
        initialValues={editing ?? {}}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const body = { regionId: values.regionId ?? null, unitId: values.unitId, note: (values.note as string)?.trim() || null };
          await save.mutateAsync({ id: editing?.id, body: editing?.id ? body : { ...body, categoryId: values.categoryId } });
          setEditing(null);
          message.success(t('common.saved'));
        }}
      >
        <Form.Item
          name="categoryId"
          label={t('ticket.category')}
          rules={[{ required: true, message: t('errors.requiredSelect', { field: t('ticket.category') }) }]}
        >
          <CategoryCascader aria-label={t('ticket.category')} />
        </Form.Item>
        <Form.Item name="regionId" label={t('ticket.region')} extra={t('desks.regionEmptyIsCity')}>
          <RegionSelect aria-label={t('ticket.region')} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('dispatch.lead')}
          rules={[{ required: true, message: t('errors.requiredSelect', { field: t('dispatch.lead') }) }]}
        >
          <UnitSelect aria-label={t('dispatch.lead')} />
        </Form.Item>
        <Form.Item name="note" label={t('ticket.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function describe(details: Record<string, unknown>, categories: Category[] | undefined, units: { id: number; name: string }[] | undefined) {
  const source = (details.changes as Record<string, unknown> | undefined) ?? details;
  const flat = flattenTree(categories ?? []);
  return Object.entries(source)
    .map(([k, v]) => {
      if (k === 'categoryId') return flat.find((c) => c.id === v)?.pathName ?? String(v);
      if (k === 'unitId') return units?.find((u) => u.id === v)?.name ?? String(v);
      return `${k}: ${v ?? '—'}`;
    })
    .join(' · ');
}
