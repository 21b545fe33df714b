/** A searchable tree of the handling units; picking a node chooses the lead unit. */
import { useMemo, useState } from 'react';
import { Input, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/reference.ts';
import type { Unit } from '../../api/types.ts';
import { LoadingState, ErrorState } from '../../components/PageState.tsx';

interface Node {
  key: number;
  title: React.ReactNode;
  children?: Node[];
}

function build(units: Unit[], search: string): { nodes: Node[]; expanded: number[] } {
  const byParent = new Map<number | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const expanded: number[] = [];
  const walk = (parent: number | null): Node[] => {
    const out: Node[] = [];
    for (const u of byParent.get(parent) ?? []) {
      const children = walk(u.id);
      const isMatch = !search || u.name.includes(search);
      if (!isMatch && !children.length) continue;
      if (search && children.length) expanded.push(u.id);
      out.push({
        key: u.id,
        title:
          search && isMatch ? (
            <span>
              <Typography.Text mark>{u.name}</Typography.Text>
            </span>
          ) : (
            u.name
          ),
        children: children.length ? children : undefined,
      });
    }
    return out;
  };
  return { nodes: walk(null), expanded };
}

export function UnitTree(props: { value: number | null; onChange: (unitId: number) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const active = useMemo(() => (units.data ?? []).filter((u) => u.isActive !== false && u.kind !== 'center'), [units.data]);
  const { nodes, expanded } = useMemo(() => build(active, search.trim()), [active, search]);
  if (units.isLoading) return <LoadingState rows={6} />;
  if (units.error) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  return (
    <div>
      <Input.Search
        aria-label={t('dispatch.unitSearch')}
        placeholder={t('dispatch.unitSearch')}
        allowClear
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="unit-search"
      />
      <div style={{ maxHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: 4 }}>
        <Tree<Node>
          treeData={nodes}
          selectedKeys={props.value ? [props.value] : []}
          expandedKeys={search ? expanded : undefined}
          onSelect={(keys) => keys.length && props.onChange(Number(keys[0]))}
          blockNode
          virtual
          height={300}
          aria-label={t('dispatch.selectUnit')}
        />
      </div>
    </div>
  );
}
