/**
 * What a spreadsheet may read as the start of a formula: = + - @, a tab or carriage return that
 * some spreadsheets skip first, their full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣) that some
 * normalise to ASCII, and the zero-width characters that hide in front of one (issue 14.22).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\u200B\u200C\u200D\u2060\uFEFF]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A cell a spreadsheet would run as a formula gets a leading single quote (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: Array<string | number | null | undefined>): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** The first line of every export: a UTF-8 byte order mark (so Excel reads accents), then the column names. */
export function csvHeader(columns: readonly string[]): string {
  return `\uFEFF${csvRow([...columns])}`;
}
