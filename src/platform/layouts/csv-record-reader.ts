// CSV の読み取り (reading CSV) per RFC 4180, keeping the physical line on which every record
// and every field starts, so that an error in a cell after a quoted multi-line cell still
// names the line a person sees in an editor. A line ends at CRLF, LF or a lone CR, both
// between records and inside quoted fields. Blank lines between records carry no record
// and are skipped. Malformed quoting is reported with its line and the reading goes on at
// the next line, so one file yields every error it holds.

export interface CsvField {
  text: string;
  /** 1-based physical line on which the field starts. */
  line: number;
}

export interface CsvRecord {
  kind: "record";
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: CsvField[];
}

export type CsvSyntaxCode = "csv-quote-in-unquoted-field" | "csv-text-after-closing-quote" | "csv-unterminated-quote";

export interface CsvSyntaxError {
  kind: "error";
  code: CsvSyntaxCode;
  line: number;
  /** 1-based position of the field in its record. */
  fieldNumber: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Line breaks in a text, a CRLF counting once: how many physical lines the text moves on. */
export function lineBreaksIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

export function* readCsvRecords(text: string): Generator<CsvRecord | CsvSyntaxError> {
  const n = text.length;
  let i = 0;
  let line = 1;

  /** Steps over one line break at i (CRLF, LF or CR); returns whether there was one. */
  const lineBreak = (): boolean => {
    const c = text.charCodeAt(i);
    if (c === LF) i++;
    else if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else return false;
    line++;
    return true;
  };
  /** Abandons a broken record: everything up to the end of the current physical line. */
  const skipRestOfLine = (): void => {
    while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    lineBreak();
  };

  while (i < n) {
    if (lineBreak()) continue;
    const recordLine = line;
    const fields: CsvField[] = [];
    let broken: CsvSyntaxError | null = null;
    for (;;) {
      const fieldLine = line;
      const fieldNumber = fields.length + 1;
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let parts = "";
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            line += lineBreaksIn(text.slice(from));
            yield {
              kind: "error",
              code: "csv-unterminated-quote",
              line: fieldLine,
              fieldNumber,
              message: "a quoted field opened here is never closed",
            };
            return;
          }
          const chunk = text.slice(from, close);
          line += lineBreaksIn(chunk);
          parts += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        value = parts;
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== CR && next !== LF) {
          broken = {
            kind: "error",
            code: "csv-text-after-closing-quote",
            line,
            fieldNumber,
            message: "text follows the closing quote of a field (write a quote inside a quoted field as \"\")",
          };
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) {
            broken = {
              kind: "error",
              code: "csv-quote-in-unquoted-field",
              line,
              fieldNumber,
              message: "a double quote inside a field that does not start with one (quote the whole field)",
            };
            break;
          }
          i++;
        }
        value = text.slice(start, i);
      }
      if (broken) break;
      fields.push({ text: value, line: fieldLine });
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      lineBreak();
      break;
    }
    if (broken) {
      yield broken;
      skipRestOfLine();
      continue;
    }
    yield { kind: "record", line: recordLine, fields };
  }
}
