// 検証コードの印字 (the verification mark): the QR code and the short code printed at the top left
// of every page of an issued certificate, so that whoever receives it — on paper or as the PDF —
// can check it on the platform's public page (GET /verify/{code}). The QR code holds the page's
// address; the short code is for typing. Drawn on a white ground so the 地紋 does not disturb a
// reader (the quiet zone of ISO/IEC 18004 §7.3.8, four modules).
import QRCode from "qrcode";

const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

export interface VerificationMark {
  /** The code, e.g. 143014-K7QM-9XD2-A4PF. */
  code: string;
  /** What the QR code holds: the verification page of the code. */
  url: string;
}

const QUIET_MODULES = 4;

/** The dark modules of the QR code, as rows of runs [start, length). */
export function qrRuns(text: string): { size: number; rows: [number, number][][] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const rows: [number, number][][] = [];
  for (let r = 0; r < modules.size; r++) {
    const runs: [number, number][] = [];
    let start = -1;
    for (let c = 0; c <= modules.size; c++) {
      const dark = c < modules.size && modules.get(r, c) === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([start, c - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size: modules.size, rows };
}

/** Draws the mark with its top left corner at (x, y); `side` is the QR code's width with its quiet zone. */
export function drawVerificationMark(pdf: PDFKit.PDFDocument, mark: VerificationMark, x: number, y: number, side = mm(17)): { right: number } {
  const { size, rows } = qrRuns(mark.url);
  const unit = side / (size + 2 * QUIET_MODULES);
  pdf.save();
  pdf.rect(x, y, side, side).fill("white");
  pdf.fillColor("black");
  rows.forEach((runs, r) => {
    for (const [c, n] of runs) pdf.rect(x + (c + QUIET_MODULES) * unit, y + (r + QUIET_MODULES) * unit, n * unit, unit);
  });
  pdf.fill("black");
  pdf.restore();
  return { right: x + side };
}
