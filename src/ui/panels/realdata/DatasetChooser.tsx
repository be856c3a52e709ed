/**
 * Data sets by name (docs/realdata.md §6, `data=name,name,…`): the 90 shipped data sets with n, d and
 * classes, filterable, each with a checkbox; the link keeps the chosen names in the order they were chosen.
 */
import { useId, useState } from 'react';
import { CATALOG } from '../../../core/realdata/catalog';
import { useStore } from '../../../state/store';

export function DatasetChooser({ data }: { data: string }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const chosen = data.split(',').filter((name) => CATALOG.some((e) => e.name === name));
  const shown = CATALOG.filter((e) => e.name.includes(filter.trim().toLowerCase()));
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((c) => c !== name);
    if (next.length > 0) useStore.getState().setGlobal('data', next.join(','));
  };
  return (
    <details className="dataset-chooser" open>
      <summary>
        {chosen.length} of {CATALOG.length} data sets chosen
      </summary>
      <div className="param">
        <label htmlFor={`${id}-filter`}>filter by name</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="table-scroll dataset-chooser-list">
        <table>
          <caption className="visually-hidden">The shipped data sets: rows n, features d, classes</caption>
          <thead>
            <tr>
              <th scope="col">data set</th>
              <th scope="col">n</th>
              <th scope="col">d</th>
              <th scope="col">classes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.name}>
                <th scope="row">
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.includes(e.name)}
                      disabled={chosen.length === 1 && chosen[0] === e.name}
                      onChange={(event) => toggle(e.name, event.target.checked)}
                    />{' '}
                    {e.name}
                  </label>
                </th>
                <td>{e.n}</td>
                <td>{e.d}</td>
                <td>{e.classes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
