/** What the importer offers other features: reading the CSV files Danish HR systems and Excel export. */
export { parseCsv, type CsvRecord, type ParsedCsv } from './csv';
