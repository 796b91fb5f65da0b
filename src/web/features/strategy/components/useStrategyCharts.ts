import { useEffect, useState } from 'react';

let registered: Promise<unknown> | null = null;

/**
 * True once the chart types the strategy pages use beyond the shared EChart's set are registered
 * (fetched on demand, like ECharts itself); render the chart only then, or ECharts draws nothing.
 */
export function useStrategyCharts(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    registered ??= import('./strategy-chart-types');
    void registered.then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
