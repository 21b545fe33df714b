/** Pickers over the reference data: the three-level category cascader, region and unit trees. */
import { useMemo, useRef, useState } from 'react';
import { Cascader, DatePicker, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Category, Region, Unit } from '../api/types.ts';
import { flattenTree, useCategories, useRegions, useUnits } from '../api/reference.ts';
import { pathMatches } from '../lib/categorySearch.ts';
import { usePinyinInitials } from '../lib/pinyin.ts';

interface Option {
  value: number;
  label: string;
  children?: Option[];
}

const toOptions = <T extends { id: number; name: string; children?: T[] }>(nodes: T[]): Option[] =>
  nodes.map((n) => ({ value: n.id, label: n.name, children: n.children?.length ? toOptions(n.children) : undefined }));

/** Path of ids from the root to `id` in a tree. */
export function pathTo<T extends { id: number; children?: T[] }>(nodes: T[], id: number | null | undefined): number[] {
  if (!id) return [];
  for (const n of nodes) {
    if (n.id === id) return [n.id];
    const sub = pathTo(n.children ?? [], id);
    if (sub.length) return [n.id, ...sub];
  }
  return [];
}

/**
 * The category cascader. Typing searches every level by the tree's words, everyday synonyms (噪音 → 噪声) and
 * pinyin initials; Enter picks the first match unless the user moved through the results with the arrow keys.
 */
export function CategoryCascader(props: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  placeholder?: string;
  status?: 'error';
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const categories = useCategories();
  const options = useMemo(() => toOptions<Category>(categories.data ?? []), [categories.data]);
  const initials = usePinyinInitials();
  const [search, setSearch] = useState('');
  const [isOpen, setOpen] = useState(false);
  const hasNavigated = useRef(false);
  const filter = (input: string, path: { label?: React.ReactNode }[]) =>
    pathMatches(
      path.map((o) => String(o.label)),
      input,
      initials,
    );
  /** The first match in the order the results are listed: depth first, a parent before its children. */
  const firstMatch = (input: string): number | null => {
    const walk = (nodes: Option[], above: Option[]): number | null => {
      for (const n of nodes) {
        const path = [...above, n];
        if (filter(input, path)) return n.value;
        const inner = walk(n.children ?? [], path);
        if (inner !== null) return inner;
      }
      return null;
    };
    return walk(options, []);
  };
  return (
    <Cascader
      id={props.id}
      aria-label={props['aria-label']}
      options={options}
      loading={categories.isLoading}
      value={pathTo(categories.data ?? [], props.value ?? null)}
      onChange={(path) => {
        setSearch('');
        props.onChange?.(path?.length ? (path[path.length - 1] as number) : null);
      }}
      changeOnSelect
      open={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (!open) setSearch('');
      }}
      showSearch={{
        filter,
        searchValue: search,
        onSearch: (value) => {
          hasNavigated.current = false;
          setSearch(value);
        },
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') hasNavigated.current = true;
        if (event.key !== 'Enter' || !search.trim() || hasNavigated.current) return;
        const id = firstMatch(search);
        if (id === null) return;
        setSearch('');
        setOpen(false);
        props.onChange?.(id);
      }}
      placeholder={props.placeholder}
      status={props.status}
      style={props.style ?? { width: '100%' }}
      allowClear
    />
  );
}

export function RegionSelect(props: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const regions = useRegions();
  const treeData = useMemo(() => toTree<Region>(regions.data ?? []), [regions.data]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      treeData={treeData}
      loading={regions.isLoading}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.((v as number | undefined) ?? null)}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      placeholder={props.placeholder}
      style={props.style ?? { width: '100%' }}
      allowClear
      popupMatchSelectWidth={false}
    />
  );
}

interface TreeNode {
  value: number;
  title: string;
  key: number;
  children?: TreeNode[];
}
function toTree<T extends { id: number; name: string; children?: T[] }>(nodes: T[]): TreeNode[] {
  return nodes.map((n) => ({ value: n.id, key: n.id, title: n.name, children: n.children?.length ? toTree(n.children) : undefined }));
}

/** Builds a tree from the flat unit list (parentId links). */
export function unitTree(units: Unit[], rootIds?: number[]): TreeNode[] {
  const byParent = new Map<number | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId && units.some((p) => p.id === u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const build = (parent: number | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((u) => {
      const children = build(u.id);
      return { value: u.id, key: u.id, title: u.name, children: children.length ? children : undefined };
    });
  if (rootIds) {
    return units
      .filter((u) => rootIds.includes(u.id))
      .map((u) => {
        const children = build(u.id);
        return { value: u.id, key: u.id, title: u.name, children: children.length ? children : undefined };
      });
  }
  return build(null);
}

/** One unit (null when cleared), or with `multiple` a list of units (empty when cleared). */
type UnitSelection =
  | { multiple?: false; value?: number | null; onChange?: (unitId: number | null) => void }
  | { multiple: true; value?: number[]; onChange?: (unitIds: number[]) => void };

export function UnitSelect(
  props: UnitSelection & {
    id?: string;
    placeholder?: string;
    excludeIds?: number[];
    onlyIds?: number[];
    style?: React.CSSProperties;
    'aria-label'?: string;
    status?: 'error';
    /** The hotline center itself is not a handling unit; admin screens still need it. */
    includeCenter?: boolean;
  },
) {
  const units = useUnits();
  const list = useMemo(() => {
    let rows = (units.data ?? []).filter((u) => u.isActive !== false && (props.includeCenter || u.kind !== 'center'));
    if (props.onlyIds) rows = rows.filter((u) => props.onlyIds!.includes(u.id));
    return rows;
  }, [units.data, props.onlyIds, props.includeCenter]);
  const treeData = useMemo(() => disableExcluded(unitTree(list), props.excludeIds ?? []), [list, props.excludeIds]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      treeData={treeData}
      loading={units.isLoading}
      value={props.value ?? undefined}
      onChange={(v: number | number[] | undefined) => {
        if (props.multiple) props.onChange?.((v as number[] | undefined) ?? []);
        else props.onChange?.((v as number | undefined) ?? null);
      }}
      multiple={props.multiple}
      showSearch
      treeNodeFilterProp="title"
      placeholder={props.placeholder}
      style={props.style ?? { width: '100%' }}
      allowClear
      status={props.status}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}

function disableExcluded(nodes: TreeNode[], excluded: number[]): (TreeNode & { disabled?: boolean })[] {
  return nodes.map((n) => ({
    ...n,
    disabled: excluded.includes(n.value),
    children: n.children ? disableExcluded(n.children, excluded) : undefined,
  }));
}

export { flattenTree };

/**
 * A deadline: picking a day is enough (no OK button to miss); without a time it means the end of that day.
 * Days before today cannot be picked.
 */
export function DeadlinePicker(props: {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  id?: string;
  'aria-label'?: string;
}) {
  return (
    <DatePicker
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v ?? null)}
      needConfirm={false}
      format="YYYY-MM-DD HH:mm"
      showTime={{ format: 'HH:mm', defaultOpenValue: dayjs().endOf('day') }}
      disabledDate={(d) => d.isBefore(dayjs(), 'day')}
      data-testid="deadline-picker"
    />
  );
}
