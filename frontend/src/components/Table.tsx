import type { ReactNode } from 'react';

/** A table of records: a caption for screen readers, the column headings, the rows. */
export function Table({
  caption,
  columns,
  children,
}: {
  caption: string;
  /** Headings; `false` leaves a column out. */
  columns: readonly (string | false)[];
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map(
              (column) =>
                column !== false && (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
