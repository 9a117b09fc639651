// Every object of a PDF file, read from its bytes as they stand (PDF 1.7, ISO 32000-1, 7.2–7.5): each
// `N G obj … endobj` from the first byte to the last, earlier revisions and objects nothing refers to included,
// and the objects inside compressed object streams; the trailers too. The cross-reference table is not used,
// so that nothing a repairing reader could find is missed. Stream data other than object streams (page
// contents, images, fonts) is skipped: it holds no dictionaries. Whatever is not well formed is an error.
import { inflateSync } from 'node:zlib';
import type { PdfValue } from '@insyn/domain';

export class PdfSyntaxError extends Error {}

export interface PdfObjects {
  /** every object and trailer, in the order read */
  values: PdfValue[];
  /** the last definition of each object, by `N G` */
  byId: Map<string, PdfValue>;
}

/** Deeper nesting than any real file has would only be an attack on the parser. */
const MAX_DEPTH = 100;
/** What all object streams of one file may inflate to, together: a 10 MB upload cannot become gigabytes. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)));
const isRegular = (byte: number) => !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
const hexValue = (byte: number) =>
  byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
/** \n \r \t \b \f in a literal string */
const SIMPLE_ESCAPES = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
]);
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

type Token = { type: 'value'; value: PdfValue } | { type: 'word'; word: string } | { type: '[' | ']' | '<<' | '>>' };

class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  private skipSpace(): void {
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos]!;
      if (WHITESPACE.has(byte)) this.pos++;
      else if (byte === 0x25) {
        // % comment, to the end of the line
        while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  /** The next token, or null at the end. */
  next(): Token | null {
    this.skipSpace();
    const { bytes } = this;
    if (this.pos >= bytes.length) return null;
    const byte = bytes[this.pos]!;
    switch (byte) {
      case 0x2f: // /
        return { type: 'value', value: this.name() };
      case 0x28: // (
        return { type: 'value', value: { kind: 'string', bytes: this.literalString() } };
      case 0x3c: // < or <<
        if (bytes[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return { type: '<<' };
        }
        return { type: 'value', value: { kind: 'string', bytes: this.hexString() } };
      case 0x3e: // >>
        if (bytes[this.pos + 1] !== 0x3e) throw new PdfSyntaxError(`Stray ">" at ${this.pos}`);
        this.pos += 2;
        return { type: '>>' };
      case 0x5b: // [
        this.pos++;
        return { type: '[' };
      case 0x5d: // ]
        this.pos++;
        return { type: ']' };
      case 0x29: // )
        throw new PdfSyntaxError(`Stray ")" at ${this.pos}`);
      case 0x7b: // { and }: only in PostScript calculator functions, which are stream data
      case 0x7d:
        this.pos++;
        return { type: 'word', word: String.fromCharCode(byte) };
    }
    const start = this.pos;
    while (this.pos < bytes.length && isRegular(bytes[this.pos]!)) this.pos++;
    const word = latin1(bytes.subarray(start, this.pos));
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { type: 'value', value: { kind: 'number', value: Number(word) } };
    return { type: 'word', word };
  }

  private name(): PdfValue {
    const { bytes } = this;
    this.pos++;
    const out: number[] = [];
    while (this.pos < bytes.length && isRegular(bytes[this.pos]!)) {
      const byte = bytes[this.pos]!;
      const high = byte === 0x23 ? hexValue(bytes[this.pos + 1] ?? 0) : -1;
      const low = high >= 0 ? hexValue(bytes[this.pos + 2] ?? 0) : -1;
      if (low >= 0) {
        out.push(high * 16 + low);
        this.pos += 3;
      } else {
        out.push(byte);
        this.pos++;
      }
    }
    return { kind: 'name', name: latin1(Uint8Array.from(out)) };
  }

  private literalString(): Uint8Array {
    const { bytes } = this;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos++]!;
      if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) return Uint8Array.from(out);
      if (byte !== 0x5c) {
        out.push(byte);
        continue;
      }
      const escaped = bytes[this.pos++];
      if (escaped === undefined) break;
      const simple = SIMPLE_ESCAPES.get(escaped);
      if (simple !== undefined) out.push(simple);
      else if (escaped >= 0x30 && escaped <= 0x37) {
        let code = escaped - 0x30;
        for (let digits = 1; digits < 3 && bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x37; digits++) {
          code = code * 8 + bytes[this.pos++]! - 0x30;
        }
        out.push(code & 0xff);
      } else if (escaped === 0x0d) {
        // a line continued: the backslash and the line break are not part of the string
        if (bytes[this.pos] === 0x0a) this.pos++;
      } else if (escaped !== 0x0a) out.push(escaped);
    }
    throw new PdfSyntaxError('A string is not closed');
  }

  private hexString(): Uint8Array {
    const { bytes } = this;
    const digits: number[] = [];
    this.pos++;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos++]!;
      if (byte === 0x3e) {
        if (digits.length % 2 === 1) digits.push(0);
        const out = new Uint8Array(digits.length / 2);
        for (let index = 0; index < out.length; index++) out[index] = digits[2 * index]! * 16 + digits[2 * index + 1]!;
        return out;
      }
      if (WHITESPACE.has(byte)) continue;
      const digit = hexValue(byte);
      if (digit < 0) throw new PdfSyntaxError(`Not a hexadecimal digit in a string at ${this.pos - 1}`);
      digits.push(digit);
    }
    throw new PdfSyntaxError('A hexadecimal string is not closed');
  }
}

/** Tokens with the look-ahead that `12 0 R` and `12 0 obj` need. */
class Parser {
  private readonly ahead: Token[] = [];
  readonly lexer: Lexer;

  constructor(bytes: Uint8Array, pos = 0) {
    this.lexer = new Lexer(bytes, pos);
  }

  peek(offset = 0): Token | null {
    while (this.ahead.length <= offset) {
      const token = this.lexer.next();
      if (!token) return null;
      this.ahead.push(token);
    }
    return this.ahead[offset] ?? null;
  }

  take(): Token | null {
    const token = this.peek();
    this.ahead.shift();
    return token;
  }

  /** Where the lexer stands after the tokens taken so far (nothing looked ahead). */
  get position(): number {
    if (this.ahead.length > 0) throw new Error('Parser position asked with tokens looked ahead');
    return this.lexer.pos;
  }

  set position(pos: number) {
    this.ahead.length = 0;
    this.lexer.pos = pos;
  }

  /** `N G` followed by `word`, as integers. */
  integersBefore(word: string): [number, number] | null {
    const [first, second, third] = [this.peek(0), this.peek(1), this.peek(2)];
    if (first?.type !== 'value' || second?.type !== 'value' || third?.type !== 'word' || third.word !== word) return null;
    if (first.value.kind !== 'number' || second.value.kind !== 'number') return null;
    if (!Number.isInteger(first.value.value) || !Number.isInteger(second.value.value)) return null;
    return [first.value.value, second.value.value];
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('Nested too deeply');
    const reference = this.integersBefore('R');
    if (reference) {
      this.take();
      this.take();
      this.take();
      return { kind: 'ref', id: `${reference[0]} ${reference[1]}` };
    }
    const token = this.take();
    if (!token) throw new PdfSyntaxError('The file ends inside an object');
    switch (token.type) {
      case 'value':
        return token.value;
      case 'word':
        if (['obj', 'endobj', 'stream', 'endstream', 'R'].includes(token.word)) {
          throw new PdfSyntaxError(`"${token.word}" where a value should be`);
        }
        return { kind: 'keyword', word: token.word };
      case '[': {
        const items: PdfValue[] = [];
        while (this.peek()?.type !== ']') items.push(this.value(depth + 1));
        this.take();
        return { kind: 'array', items };
      }
      case '<<': {
        const entries: (readonly [string, PdfValue])[] = [];
        for (let key = this.peek(); key?.type !== '>>'; key = this.peek()) {
          if (key?.type !== 'value' || key.value.kind !== 'name') throw new PdfSyntaxError('A dictionary key is not a name');
          this.take();
          entries.push([key.value.name, this.value(depth + 1)]);
        }
        this.take();
        return { kind: 'dict', entries };
      }
      default:
        throw new PdfSyntaxError(`"${token.type}" where a value should be`);
    }
  }
}

const entryOf = (value: PdfValue, key: string): PdfValue | undefined =>
  value.kind === 'dict' ? value.entries.findLast(([name]) => name === key)?.[1] : undefined;

const ENDSTREAM = Buffer.from('endstream', 'latin1');

/** The stream's data, from just after the keyword `stream`; the parser is left after it. */
function streamData(parser: Parser, dict: PdfValue): Uint8Array {
  const { bytes } = parser.lexer;
  let start = parser.position;
  // The keyword is followed by CR LF or LF (a lone CR is taken too, as readers do).
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  const length = entryOf(dict, 'Length');
  if (length?.kind === 'number' && Number.isInteger(length.value) && length.value >= 0 && start + length.value <= bytes.length) {
    let after = start + length.value;
    while (after < bytes.length && WHITESPACE.has(bytes[after]!)) after++;
    if (ENDSTREAM.every((byte, index) => bytes[after + index] === byte)) {
      parser.position = after;
      return bytes.subarray(start, start + length.value);
    }
  }
  // An indirect or wrong /Length: the data runs to the next `endstream`, as readers take it.
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ENDSTREAM, start);
  if (end < 0) throw new PdfSyntaxError('A stream is not closed');
  parser.position = end;
  let dataEnd = end;
  if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
  if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
  return bytes.subarray(start, Math.max(start, dataEnd));
}

/** The objects of an object stream (7.5.7): `N` pairs of object number and offset, then the objects from `/First`. */
function objectStreamObjects(dict: PdfValue, data: Uint8Array, budget: { left: number }): [string, PdfValue][] {
  const filters = entryOf(dict, 'Filter');
  const names = filters === undefined ? [] : filters.kind === 'array' ? filters.items : [filters];
  if (names.some((filter) => filter.kind !== 'name' || filter.name !== 'FlateDecode') || names.length > 1) {
    throw new PdfSyntaxError('An object stream compressed otherwise than with FlateDecode');
  }
  const parameters = entryOf(dict, 'DecodeParms');
  const predictor = parameters && entryOf(parameters.kind === 'array' ? (parameters.items[0] ?? parameters) : parameters, 'Predictor');
  if (predictor?.kind === 'number' && predictor.value > 1) throw new PdfSyntaxError('An object stream with a predictor');
  let decoded: Uint8Array;
  try {
    decoded = names.length === 0 ? data : inflateSync(data, { maxOutputLength: Math.max(1, budget.left) });
  } catch {
    throw new PdfSyntaxError('An object stream cannot be inflated');
  }
  budget.left -= decoded.length;
  if (budget.left <= 0) throw new PdfSyntaxError('The object streams inflate to too much');
  const count = entryOf(dict, 'N');
  const first = entryOf(dict, 'First');
  if (count?.kind !== 'number' || first?.kind !== 'number' || first.value > decoded.length) {
    throw new PdfSyntaxError('An object stream without /N or /First');
  }
  const header = new Parser(decoded.subarray(0, first.value));
  const objects: [string, PdfValue][] = [];
  for (let index = 0; index < count.value; index++) {
    const number = header.take();
    const offset = header.take();
    if (number?.type !== 'value' || number.value.kind !== 'number' || offset?.type !== 'value' || offset.value.kind !== 'number') {
      throw new PdfSyntaxError('An object stream with a broken header');
    }
    const parser = new Parser(decoded, first.value + offset.value.value);
    objects.push([`${number.value.value} 0`, parser.value()]);
  }
  return objects;
}

/** Reads every object of the file; throws PdfSyntaxError where it is not well formed. */
export function readPdfObjects(bytes: Uint8Array): PdfObjects {
  const values: PdfValue[] = [];
  const byId = new Map<string, PdfValue>();
  const budget = { left: MAX_INFLATED_BYTES };
  const parser = new Parser(bytes);
  while (parser.peek()) {
    const id = parser.integersBefore('obj');
    if (!id) {
      // Between the objects: the cross-reference table (numbers, `xref`, `f`, `n`), `trailer` and its
      // dictionary, `startxref`. A dictionary here is a trailer, and is checked as the objects are.
      const token = parser.peek();
      if (token?.type === 'word') {
        if (['obj', 'endobj', 'stream', 'endstream', 'R'].includes(token.word)) {
          throw new PdfSyntaxError(`"${token.word}" outside an object`);
        }
        parser.take();
      } else values.push(parser.value());
      continue;
    }
    parser.take();
    parser.take();
    parser.take();
    const value = parser.value();
    values.push(value);
    byId.set(`${id[0]} ${id[1]}`, value);
    const after = parser.take();
    if (after?.type === 'word' && after.word === 'stream') {
      if (value.kind !== 'dict') throw new PdfSyntaxError('A stream without a dictionary');
      const data = streamData(parser, value);
      const endstream = parser.take();
      if (endstream?.type !== 'word' || endstream.word !== 'endstream') throw new PdfSyntaxError('A stream is not closed');
      const type = entryOf(value, 'Type');
      if (type?.kind === 'name' && type.name === 'ObjStm') {
        for (const [inner, object] of objectStreamObjects(value, data, budget)) {
          values.push(object);
          byId.set(inner, object);
        }
      }
      const endobj = parser.take();
      if (endobj?.type !== 'word' || endobj.word !== 'endobj') throw new PdfSyntaxError(`Object ${id[0]} is not closed`);
    } else if (after?.type !== 'word' || after.word !== 'endobj') {
      throw new PdfSyntaxError(`Object ${id[0]} is not closed`);
    }
  }
  return { values, byId };
}
