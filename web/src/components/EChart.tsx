/** A thin React wrapper over ECharts (only the chart types the dashboard and the portal's map use are bundled). */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

/** `onReady`: the chart once it exists, for handlers ECharts' option cannot express (a click anywhere on a map). */
export function EChart(props: {
  option: Record<string, unknown>;
  height?: number | string;
  ariaLabel: string;
  testId?: string;
  onReady?: (chart: echarts.ECharts) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onReady = useRef(props.onReady);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    onReady.current?.(chart.current);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...props.option }, true);
  }, [props.option]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={props.ariaLabel}
      data-testid={props.testId}
      style={{ width: '100%', height: props.height ?? 280 }}
    />
  );
}
