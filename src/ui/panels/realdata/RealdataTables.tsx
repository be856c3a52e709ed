/**
 * The real-data panel's tables (docs/realdata.md §6): (a) the summary per contestant, (c) the per-data-set
 * results, sortable, and (d) the pair statistics. Every number comes from the core through the compute
 * worker (RealdataTable); these components only format it.
 */
import { useState } from 'react';
import { contestant, type ContestantName } from '../../../core/realdata/contestants';
import type { RealdataTable } from '../../../realdata/selection';
import { formatReadout } from '../../charts/format';
import { configurationText, percent } from './realdataText';

const label = (c: string) => contestant(c)?.label ?? c;

/** The data sets not every contestant has finished, for the summary's caption. */
function unfinished(table: RealdataTable, contestants: ContestantName[], shownName: (name: string) => string): string {
  const names = table.rows.filter((r) => contestants.some((c) => !r.results[c])).map((r) => shownName(r.dataset.name));
  if (names.length === 0) return '';
  const listed = names.slice(0, 5).join(', ');
  return ` (not yet: ${listed}${names.length > 5 ? ` and ${names.length - 5} more` : ''})`;
}

/** What the tables draw: the table, its contestants in order, and how a data set is named on screen. */
interface TableProps {
  table: RealdataTable;
  contestants: ContestantName[];
  /** the user's file appears under its own name, not as `custom` */
  shownName: (name: string) => string;
}

export function SummaryTable({ table, contestants, shownName }: TableProps) {
  if (!table.summary) return null;
  const summary = table.summary;
  return (
    <div className="table-scroll">
      <table className="realdata-summary" data-testid="realdata-summary">
        <caption>
          Summary over the {table.complete} data set{table.complete === 1 ? '' : 's'} every contestant has finished
          {unfinished(table, contestants, shownName)}
        </caption>
        <thead>
          <tr>
            <th scope="col">contestant</th>
            <th scope="col" title="mean accuracy over the data sets">
              mean accuracy
            </th>
            <th scope="col" title="mean rank on each data set (1 = best; ties share the mean rank)">
              Friedman rank
            </th>
            <th scope="col" title="share of data sets with accuracy ≥ 90 % of the best contestant's">
              P90
            </th>
            <th scope="col" title="share of data sets with accuracy ≥ 95 % of the best contestant's">
              P95
            </th>
            <th scope="col" title="mean of accuracy ÷ the best contestant's accuracy">
              PMA
            </th>
          </tr>
        </thead>
        <tbody>
          {contestants.map((c) => (
            <tr key={c}>
              <th scope="row" title={contestant(c)!.formula}>
                {label(c)}
              </th>
              <td>{percent(summary[c].mean, 2)}</td>
              <td>{summary[c].friedman.toFixed(2)}</td>
              <td>{percent(summary[c].p90)}</td>
              <td>{percent(summary[c].p95)}</td>
              <td>{percent(summary[c].pma, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PairTable({ table }: { table: RealdataTable }) {
  if (table.pairs.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="realdata-pairs" data-testid="realdata-pairs">
        <caption>Pairs A − B over the same {table.complete} data sets</caption>
        <thead>
          <tr>
            <th scope="col">A − B</th>
            <th scope="col" title="mean over data sets of A's accuracy minus B's, in percentage points">
              mean difference
            </th>
            <th scope="col" title="data sets where A is better / where they are equal / where B is better">
              wins / ties / losses
            </th>
            <th
              scope="col"
              title="two-sided Wilcoxon signed-rank test, normal approximation (zero differences dropped)"
            >
              Wilcoxon p
            </th>
          </tr>
        </thead>
        <tbody>
          {table.pairs.map((p) => (
            <tr key={`${p.a}-${p.b}`}>
              <th scope="row">
                {label(p.a)} − {label(p.b)}
              </th>
              <td>{`${p.meanDiff >= 0 ? '+' : '−'}${(100 * Math.abs(p.meanDiff)).toFixed(2)}\u00a0points`}</td>
              <td>
                {p.wins} / {p.ties} / {p.losses}
              </td>
              <td>{p.p === null ? 'all equal' : formatReadout(p.p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type SortKey = 'name' | 'n' | 'd' | 'classes' | ContestantName;

export function DatasetTable({ table, contestants, shownName }: TableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const value = (row: RealdataTable['rows'][number], key: SortKey): number | string => {
    if (key === 'name') return row.dataset.name;
    if (key === 'n' || key === 'd' || key === 'classes') return row.dataset[key];
    return row.results[key]?.accuracy ?? -1;
  };
  const rows = [...table.rows].sort((p, q) => {
    const [a, b] = [value(p, sort.key), value(q, sort.key)];
    const order = typeof a === 'string' ? a.localeCompare(String(b)) : a - (b as number);
    return sort.descending ? -order : order;
  });
  const header = (key: SortKey, text: string, title?: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      title={title}
    >
      <button
        type="button"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }))}
      >
        {text}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  return (
    <div className="table-scroll">
      <table className="realdata-datasets" data-testid="realdata-datasets">
        <caption>
          Per data set: test accuracy (mean of the four folds), and under it the validation accuracy and the
          configuration chosen on it. Press a column heading to sort.
        </caption>
        <thead>
          <tr>
            {header('name', 'data set')}
            {header('n', 'n', 'rows')}
            {header('d', 'd', 'features')}
            {header('classes', 'classes')}
            {contestants.map((c) => header(c, label(c), contestant(c)!.formula))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.dataset.name}>
              <th scope="row">{shownName(row.dataset.name)}</th>
              <td>{row.dataset.n}</td>
              <td>{row.dataset.d}</td>
              <td>{row.dataset.classes}</td>
              {contestants.map((c) => {
                const r = row.results[c];
                return (
                  <td key={c}>
                    {r ? (
                      <>
                        <span className="accuracy">{percent(r.accuracy)}</span>
                        <small>
                          val {percent(r.validation)} · {configurationText(r)}
                        </small>
                      </>
                    ) : (
                      <span className="pending">not run</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
