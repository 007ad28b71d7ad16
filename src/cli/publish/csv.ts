// RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside. Each record keeps
// the line it starts on, so a bad row is reported where an editor shows it.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export function parseCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') inQuotes = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') inQuotes = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      recordLine = ++line;
    } else field += char;
  }
  if (inQuotes) return { records, error: { line: recordLine, message: 'a quoted field is never closed' } };
  if (field !== '' || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
  return { records };
}
