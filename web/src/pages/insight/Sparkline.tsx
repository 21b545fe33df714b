/** A tiny trend line (no chart library): counts per period, rising in red, falling in green. */
export function Sparkline(props: { values: number[]; width?: number; height?: number; color?: string; label: string }) {
  const width = props.width ?? 80;
  const height = props.height ?? 22;
  const values = props.values.length ? props.values : [0];
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={props.label} style={{ verticalAlign: 'middle' }}>
      <title>{props.label}</title>
      <polyline points={points} fill="none" stroke={props.color ?? '#1677ff'} strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}

export const TREND_COLOR = { rising: '#f5222d', falling: '#52c41a', steady: '#8c8c8c' } as const;
export const TREND_ARROW = { rising: '↑', falling: '↓', steady: '→' } as const;
