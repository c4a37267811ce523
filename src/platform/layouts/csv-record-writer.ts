// CSV の1レコード (one CSV record) as RFC 4180 writes it: fields separated by commas, a field
// quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside), and CRLF
// at the end of every record, the last one included.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
