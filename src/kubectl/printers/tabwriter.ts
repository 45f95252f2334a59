/**
 * tabwriter is Go's text/tabwriter (left-aligned, space padding): a cell is text ended by a tab;
 * consecutive lines that have a cell in the same column form a block whose width is
 * max(minwidth, widest cell + padding). The text after a line's last tab is never padded.
 */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const width = (s: string) => [...s].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let row = '';
      cells.forEach((cell, j) => {
        row += cell;
        if (j < widths.length && j < cells.length - 1)
          row += ' '.repeat(Math.max(0, widths[j]! - width(cell)));
      });
      out.push(row);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let line = line0; line < line1; line++) {
      if (column >= lines[line]!.length - 1) continue;
      writeLines(line0, line);
      line0 = line;
      let w = minwidth;
      for (; line < line1; line++) {
        const cells = lines[line]!;
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]!) + padding);
      }
      widths.push(w);
      format(line0, line);
      widths.pop();
      line0 = line;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
