import { useSearchParams } from 'react-router';
import type { ChartView } from './chart-panel';

/** Which charts show their table lives in the URL (`?table=id`), so a shared link shows the same. */
export function useChartViews() {
  const [params, setParams] = useSearchParams();
  const tables = new Set(params.getAll('table'));
  const viewOf = (id: string): ChartView => (tables.has(id) ? 'table' : 'chart');
  const setView = (id: string, view: ChartView) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const rest = next.getAll('table').filter((value) => value !== id);
        next.delete('table');
        for (const value of view === 'table' ? [...rest, id] : rest) next.append('table', value);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return { viewOf, setView };
}
