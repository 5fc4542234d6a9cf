import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from './reduced-motion.js';

// Only what the dashboard draws, rather than all of ECharts in every page's download.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** One ECharts chart, resized with its box and disposed with the component. */
export function EChart({
  option,
  height = 320,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  testId?: string;
  /** A bar or slice clicked, by its index in the series' data (a drill-down). */
  onClick?: (dataIndex: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const clicked = useRef(onClick);
  clicked.current = onClick;
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => clicked.current?.((p as { dataIndex: number }).dataIndex));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    // Bars and slices drawn where they end, for a reader who asked for less motion.
    chart.current?.setOption({ animation: !prefersReducedMotion(), ...option }, true);
  }, [option]);
  useEffect(() => {
    chart.current?.resize();
  }, [height]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
