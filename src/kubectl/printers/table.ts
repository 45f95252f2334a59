import { tabwrite } from './tabwriter';

/** Table is what a resource printer produces: upper-case headers and rows of cells. */
export interface Table {
  headers: string[];
  rows: string[][];
}

/**
 * printTable lays a table out as kubectl get does (cli-runtime tabwriter: minwidth 6, padding 3),
 * ending with a newline. Without headers (noHeaders) only rows are printed.
 */
export function printTable(table: Table, noHeaders = false): string {
  const rows = noHeaders ? table.rows : [table.headers, ...table.rows];
  return `${tabwrite(rows.map((r) => r.join('\t')).join('\n'), 6, 3)}\n`;
}
