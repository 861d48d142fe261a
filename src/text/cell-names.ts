/** Spreadsheet cells as Excel names them: column 3 → C, column 27 → AA; row 7, column 3 → C7. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
