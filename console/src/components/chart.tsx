import { useEffect, useRef } from 'preact/hooks';

interface Series {
  label: string;
  values: (number | null)[];
  /** A colour with at least 3:1 contrast on white (WCAG 1.4.11), and a dash so colour is not the only cue. */
  stroke: string;
  dash?: number[];
  /** Which y axis: left (0) or right (1). */
  axis: 0 | 1;
}

/** uPlot and its styles, loaded with the first chart: most screens have none. */
const loadUplot = async () => {
  const [{ default: uPlot }] = await Promise.all([
    import('uplot'),
    import('uplot/dist/uPlot.min.css'),
  ]);
  return uPlot;
};

/**
 * A time-series chart (uPlot on a canvas). The canvas is hidden from assistive technology: the
 * numbers are in the table every chart in the console comes with.
 */
const TimeChart = ({
  days,
  series,
  axes,
}: {
  /** Calendar days, YYYY-MM-DD. */
  days: string[];
  series: Series[];
  axes: [string, string];
}) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let chart: { destroy(): void } | undefined;
    let gone = false;
    void loadUplot().then((uPlot) => {
      if (gone) return;
      chart = draw(uPlot, element);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [days.join(), JSON.stringify(series)]);

  const draw = (uPlot: Awaited<ReturnType<typeof loadUplot>>, element: HTMLElement) => {
    const x = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    return new uPlot(
      {
        width: Math.max(element.clientWidth, 320),
        height: 260,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { x: { time: true }, left: {}, right: {} },
        axes: [
          { stroke: '#1b1f23' },
          { label: axes[0], scale: 'left', stroke: '#1b1f23' },
          { label: axes[1], scale: 'right', side: 1, stroke: '#1b1f23', grid: { show: false } },
        ],
        series: [
          {},
          ...series.map((entry) => ({
            label: entry.label,
            stroke: entry.stroke,
            width: 2,
            scale: entry.axis === 0 ? 'left' : 'right',
            ...(entry.dash ? { dash: entry.dash } : {}),
            points: { show: true, size: 6 },
          })),
        ],
      },
      [x, ...series.map((entry) => entry.values)],
      element
    );
  };
  return <div ref={box} class="chart" aria-hidden="true" />;
};

export { TimeChart };
