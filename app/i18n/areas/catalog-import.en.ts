import { type catalogImportVi } from './catalog-import.vi.ts'

const n = (value: number) => value.toLocaleString('en-US')

export const catalogImportEn: typeof catalogImportVi = {
  title: 'Import products from a CSV file',
  intro:
    'Upload a CSV file to add or update many products at once. Products are recognised by their SKU: new SKUs are created, known ones updated, never duplicated.',
  format: {
    title: 'File format',
    items: [
      'The first line is the header. Required columns: sku, name_vi, group, subgroup, price_vnd, unit, weight_g, stock.',
      'Optional columns: name_en, unit_en, village_slug, description_vi, description_en, status. An empty cell keeps an existing product’s value.',
      'Save as “CSV UTF-8” (Excel: File › Save As). Commas or semicolons both work as separators.',
      'Prices in whole đồng: 150000, 150.000 or 150,000. Weights in grams.',
      'Status: draft (nháp), published (đang bán) or archived (lưu trữ); empty makes a new product a draft.',
      'Leave village_slug empty or give the producer’s own craft village (products belong to their producer’s village).',
      'At most 20 MB and 100,000 product rows per file.',
    ],
    codesTitle: 'OCOP group and subgroup codes',
    groupColumn: 'group',
    subgroupColumn: 'subgroup',
  },
  example: 'Download the example file (8 honey products)',
  fileLabel: 'CSV file',
  fileHint: 'A .csv file of at most 20 MB.',
  submit: 'Upload and import',
  submitting: 'Uploading…',
  started: (fileName: string) => `${fileName} received. The import is running; this page shows its progress.`,
  errors: {
    noFile: 'Choose a CSV file to upload.',
    empty: 'The file is empty.',
    tooLarge: 'The file is larger than 20 MB. Split it into smaller files.',
    notCsv: 'Only CSV files (.csv) are accepted. In Excel, choose File › Save As › CSV UTF-8.',
    excel:
      'This is an Excel workbook, not a CSV file. Open it in Excel, choose File › Save As › CSV UTF-8 (.csv) and upload that file.',
    unreadable: 'The upload could not be read. Please try again.',
    queueFailed: 'The server could not start the import. Please try again in a few minutes.',
  },
  history: {
    title: 'Recent imports',
    empty: 'No imports yet.',
    file: 'File',
    date: 'Time',
    status: 'Status',
    result: 'Result',
    view: 'View report',
  },
  status: {
    QUEUED: 'Waiting',
    RUNNING: 'Importing',
    DONE: 'Done',
    FAILED: 'Refused',
  },
  counts: (created: number, updated: number, rejected: number) =>
    `${n(created)} created · ${n(updated)} updated · ${n(rejected)} rejected`,
  job: {
    title: (fileName: string) => `Import of ${fileName}`,
    progressLabel: 'Import progress',
    queued: 'Waiting for its turn…',
    checking: 'Checking the file (encoding, header, number of rows)…',
    progress: (processed: number, total: number) => `${n(processed)} of ${n(total)} rows processed`,
    autoRefresh: 'This page updates itself while the import runs.',
    refresh: 'Update progress',
    done: 'Import finished.',
    created: 'Created',
    updated: 'Updated',
    rejected: 'Rejected',
    failedTitle: 'The file could not be imported',
    savedBeforeFailure: (created: number, updated: number) =>
      `Before it stopped, ${n(created)} new products and ${n(updated)} updates were saved; uploading the file again updates them without duplicates.`,
    rejectionsTitle: 'Rejected rows',
    rejectionsNote:
      'These rows changed nothing. Fix them in the file and upload it again: rows already imported are updated, not duplicated.',
    reasonsLanguage: 'The reasons are given in Vietnamese, as they are stored with the import.',
    line: 'Line',
    sku: 'SKU',
    reasons: 'Reasons',
    truncated: (shown: number, total: number) => `Showing ${n(shown)} of ${n(total)} rejected rows.`,
    another: 'Import another file',
    listings: 'See the product list',
  },
}
