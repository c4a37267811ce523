// 取込エラー (import error): one reason a layout file was refused, located by file, physical
// line and column like a compiler's message. Messages say which rule a cell breaks and never
// repeat the cell's text, so an error list may be logged or shown without personal data.

export interface ImportError {
  file: string;
  /** 1-based physical line of the CSV file (the header is line 1). */
  line: number;
  /** The CSV column name, or null when the error concerns no single column. */
  column: string | null;
  /** 1-based position of the column, or null when the error concerns no single column. */
  columnNumber: number | null;
  /** Stable, e.g. `invalid-date`, `required`, `header-missing-column`. */
  code: string;
  message: string;
}

export const MAX_IMPORT_ERRORS = 1000;

/** Gathers every error of a file up to a cap; past it, one final `too-many-errors` entry. */
export class ImportErrorList {
  readonly errors: ImportError[] = [];
  #full = false;

  constructor(
    readonly file: string,
    readonly cap = MAX_IMPORT_ERRORS,
  ) {}

  get full(): boolean {
    return this.#full;
  }

  get count(): number {
    return this.errors.length;
  }

  add(error: Omit<ImportError, "file">): void {
    if (this.#full) return;
    if (this.errors.length === this.cap) {
      this.#full = true;
      this.errors.push({
        file: this.file,
        line: error.line,
        column: null,
        columnNumber: null,
        code: "too-many-errors",
        message: `more than ${this.cap} errors; checking stopped here`,
      });
      return;
    }
    this.errors.push({ file: this.file, ...error });
  }
}

/** `file:line:column: name: message [code]`, one error per line as compilers print them. */
export function formatImportError(e: ImportError): string {
  const at = e.columnNumber === null ? `${e.file}:${e.line}` : `${e.file}:${e.line}:${e.columnNumber}`;
  return `${at}: ${e.column === null ? "" : `${e.column}: `}${e.message} [${e.code}]`;
}
