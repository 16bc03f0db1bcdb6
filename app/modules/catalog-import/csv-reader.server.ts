/**
 * Streaming CSV reading for the catalogue import: strict UTF-8, the delimiter detected from the
 * header line, csv-parse for quoting, and the physical line number of every record (a quoted field
 * may span several lines, and csv-parse's own line count drifts on CRLF inside quotes).
 */
import { Readable, pipeline } from 'node:stream'
import { CsvError, parse, type Options } from 'csv-parse'
import { FILE_ERRORS } from './import-messages.ts'

/** A problem with the file as a whole (encoding, quoting, header, size): nothing is imported. */
export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CatalogFileError'
  }
}

export type CsvRecord = {
  /** Physical line on which the record starts; the header is line 1 (when the file starts with it). */
  line: number
  fields: string[]
}

export type Delimiter = ',' | ';'

/** The longest record accepted, in characters: two 5,000-character descriptions fit many times over. */
const MAX_RECORD_CHARS = 200_000

/** Comma or semicolon, whichever occurs more often outside quotes in the first line (comma on a tie). */
export function detectDelimiter(firstLine: string): Delimiter {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char === ',') commas++
    else if (!quoted && char === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/** UTF-16 is what Excel writes for "Unicode Text": say so rather than a generic encoding error. */
function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
}

/**
 * Decodes strict UTF-8 (a BOM is dropped); throws CatalogFileError naming the first line with an
 * invalid byte. Decodes whole lines at a time: a line feed never falls inside a UTF-8 sequence, so
 * each piece decodes on its own, and a failing piece can be searched line by line.
 */
async function* decodeUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let pending: Buffer = Buffer.alloc(0)
  let line = 1
  let first = true
  const decode = (bytes: Buffer): string => {
    let text: string
    try {
      text = decoder.decode(bytes)
    } catch {
      throw new CatalogFileError(FILE_ERRORS.notUtf8(line + firstInvalidLine(bytes)))
    }
    line += countLineFeeds(text)
    if (first) {
      first = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    return text
  }
  for await (const chunk of source) {
    if (first && pending.length === 0 && isUtf16(chunk)) throw new CatalogFileError(FILE_ERRORS.utf16)
    const bytes = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk)
    const cut = bytes.lastIndexOf(0x0a) + 1
    if (cut === 0) {
      pending = bytes
      continue
    }
    pending = bytes.subarray(cut)
    const text = decode(bytes.subarray(0, cut))
    if (text) yield text
  }
  if (pending.length) {
    const text = decode(pending)
    if (text) yield text
  }
}

function countLineFeeds(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Index (0-based) of the first line of `bytes` that is not valid UTF-8. */
function firstInvalidLine(bytes: Buffer): number {
  const probe = new TextDecoder('utf-8', { fatal: true })
  let index = 0
  for (let start = 0; start < bytes.length; index++) {
    const end = bytes.indexOf(0x0a, start)
    const stop = end === -1 ? bytes.length : end + 1
    try {
      probe.decode(bytes.subarray(start, stop))
    } catch {
      return index
    }
    start = stop
  }
  return index
}

/** Holds text back until the first line is complete, then yields it and everything after. */
async function* withFirstLine(
  text: AsyncIterable<string>,
  onFirstLine: (line: string) => void,
): AsyncGenerator<string> {
  let head = ''
  let seen = false
  for await (const chunk of text) {
    if (seen) {
      yield chunk
      continue
    }
    head += chunk
    const end = head.search(/\r|\n/)
    if (end !== -1 || head.length > MAX_RECORD_CHARS) {
      seen = true
      onFirstLine(end === -1 ? head : head.slice(0, end))
      yield head
    }
  }
  if (!seen) {
    onFirstLine(head)
    if (head) yield head
  }
}

/** Line breaks a record spans: those inside its quoted fields, plus the one that ends it. */
function lineBreaksIn(fields: string[]): number {
  let n = 1
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i)
      if (c === 0x0a) n++
      else if (c === 0x0d && field.charCodeAt(i + 1) !== 0x0a) n++
    }
  }
  return n
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '')
}

function quotingError(error: CsvError, line: number): CatalogFileError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CatalogFileError(FILE_ERRORS.quoteNotClosed(line))
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CatalogFileError(FILE_ERRORS.misplacedQuote(line))
    case 'CSV_MAX_RECORD_SIZE':
      return new CatalogFileError(FILE_ERRORS.recordTooLong(line))
    default:
      return new CatalogFileError(FILE_ERRORS.unreadable(line, error.message))
  }
}

/**
 * The non-blank records of a CSV file, header first, each with the physical line it starts on.
 * Reads the source as it goes (memory stays bounded by one chunk and one record). Throws
 * CatalogFileError for invalid UTF-8 or broken quoting, naming the line.
 */
export async function* readCsvRecords(source: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRecord> {
  let delimiter: Delimiter = ','
  const text = withFirstLine(decodeUtf8(source), (firstLine) => {
    delimiter = detectDelimiter(firstLine)
  })
  // The parser is created once the first line (hence the delimiter) is known.
  const iterator = text[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done) return
  const rest = (async function* () {
    try {
      yield first.value
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
    } finally {
      // Stopped early (a whole-file error, too many rows): close the file too.
      await iterator.return?.(undefined)
    }
  })()

  // Lines are counted as csv-parse emits each record, so at a parse error the count names the
  // line on which the broken record starts (records already parsed may not have been read yet).
  let line = 1
  const options: Options<CsvRecord, string[]> = {
    delimiter,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (fields) => {
      const start = line
      line += lineBreaksIn(fields)
      return isBlank(fields) ? null : { line: start, fields }
    },
  }
  // csv-parse types on_record's result only on its `columns` overload; records are CsvRecords here.
  const parser = parse(options as unknown as Options)
  let sourceError: unknown = null
  pipeline(Readable.from(rest, { objectMode: false }), parser, (error) => {
    if (error) sourceError = error
  })

  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) yield record
  } catch (error) {
    if (sourceError instanceof CatalogFileError) throw sourceError
    if (error instanceof CatalogFileError) throw error
    if (error instanceof CsvError) throw quotingError(error, line)
    throw error
  }
  if (sourceError instanceof CatalogFileError) throw sourceError
  if (sourceError) throw sourceError
}
