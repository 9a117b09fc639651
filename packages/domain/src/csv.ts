// The CSV files Insyn writes: the absence tables and the CSN list the web app exports, and the import lists'
// templates. One writer, so that every file is safe to open in a spreadsheet program (issue 17, item 7).
//
// Formula injection: Excel, LibreOffice Calc and Google Sheets take a cell that begins with `=`, `+`, `-` or
// `@` for a formula (and a tab or carriage return before one of them does not stop them), so a student's or a
// guardian's name such as `=HYPERLINK("https://…";"Klicka")` would run in the reader's spreadsheet. Such a
// text cell gets a single quote in front (OWASP's advice), which the program shows as it is and does not
// evaluate; its text is otherwise unchanged. Only text is treated so: a number is written by the app from a
// number (digits, a minus and a decimal comma), which a spreadsheet reads as that number, never as a formula,
// so that −3,5 stays a number the reader can add up.

export type CsvCell = string | number | null;

/**
 * A text cell begins as a formula when its first character, or the first after leading white space, is one of
 * `= + - @`, or when it begins with a tab or a carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** The text as a spreadsheet will show it and not run it: a single quote before what would begin a formula. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as a Swedish Excel reads it: decimal comma, no grouping, one decimal at most. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 10) / 10).replace('.', ',');
}

/** One cell: text neutralised, numbers as numbers, nothing as empty; always quoted, quotes doubled. */
export function csvCell(value: CsvCell): string {
  const text = value === null ? '' : typeof value === 'number' ? csvNumber(value) : neutraliseCsvText(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A CSV file that opens correctly in a Swedish Excel: UTF-8 with BOM, semicolons between fields,
 * every field quoted (quotes doubled), CRLF line ends, numbers with decimal comma, no cell a formula.
 */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
