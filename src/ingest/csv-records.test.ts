import { createReadStream, readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvSyntaxError, csvRecords } from './csv-records.ts';

const GED = new URL('../../../shared/data/events/ucdp_ged_syria_20160101-20191130.csv', import.meta.url);

async function read(chunks: Iterable<string | Buffer>): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const chunk of csvRecords(
    (async function* () {
      yield* chunks;
    })(),
  ))
    records.push(...chunk.records);
  return records;
}

/** Every way of cutting the text in two, and one character at a time. */
function splits(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)]);
  return ways;
}

describe('csvRecords', () => {
  it.each([
    {
      what: 'plain fields',
      text: 'a,b,c\n1,2,3\n',
      records: [
        [['a', 'b', 'c'], 1],
        [['1', '2', '3'], 2],
      ],
    },
    {
      what: 'no newline at the end',
      text: 'a,b\n1,2',
      records: [
        [['a', 'b'], 1],
        [['1', '2'], 2],
      ],
    },
    {
      what: 'empty fields',
      text: ',a,\n"",,""\n',
      records: [
        [['', 'a', ''], 1],
        [['', '', ''], 2],
      ],
    },
    {
      what: 'quoted commas and doubled quotes',
      text: '"a,b","say ""hi""",c\n',
      records: [[['a,b', 'say "hi"', 'c'], 1]],
    },
    {
      what: 'a field over two lines',
      text: 'a,"x\ny"\nb,z\n',
      records: [
        [['a', 'x\ny'], 1],
        [['b', 'z'], 3],
      ],
    },
    {
      what: 'CRLF',
      text: 'a,b\r\n1,"x\r\ny"\r\n2,3\r\n',
      records: [
        [['a', 'b'], 1],
        [['1', 'x\r\ny'], 2],
        [['2', '3'], 4],
      ],
    },
    {
      what: 'a CR at the very end',
      text: 'a,"b"\r\nc,d\r',
      records: [
        [['a', 'b'], 1],
        [['c', 'd'], 2],
      ],
    },
    { what: 'a quoted field at the very end', text: 'a,"b"', records: [[['a', 'b'], 1]] },
    {
      what: 'empty lines, counted but skipped',
      text: 'a\n\n\nb\n\n',
      records: [
        [['a'], 1],
        [['b'], 4],
      ],
    },
    {
      what: 'a byte order mark',
      text: '\ufeffid,x\n1,2\n',
      records: [
        [['id', 'x'], 1],
        [['1', '2'], 2],
      ],
    },
    { what: 'a quote inside an unquoted field, kept', text: 'a b"c,d\n', records: [[['a b"c', 'd'], 1]] },
  ])('reads $what, wherever the chunks break', async ({ text, records }) => {
    const expected = records.map(([fields, line]) => ({ fields, line }));
    for (const chunks of splits(text)) expect(await read(chunks)).toEqual(expected);
  });

  it('decodes UTF-8 split between chunks', async () => {
    const bytes = Buffer.from('name\nMa’la\n', 'utf8');
    for (let i = 1; i < bytes.length; i++) {
      expect(await read([bytes.subarray(0, i), bytes.subarray(i)])).toEqual([
        { fields: ['name'], line: 1 },
        { fields: ['Ma’la'], line: 2 },
      ]);
    }
  });

  it.each([
    { text: 'a,b\n1,"open\n2,3\n', line: 2, message: 'a quoted field is not closed before the end of the file' },
    { text: 'a,b\n"x"y,2\n', line: 2, message: 'unexpected text after the closing quote of field 1' },
  ])('stops at line $line: $message', async ({ text, line, message }) => {
    const error = await read([text]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line, message, code: 'CSV_SYNTAX' });
  });

  it('reads the UCDP Syria file as csv-parse does, with the line each record starts on', async () => {
    const records: CsvRecord[] = [];
    let bytesRead = 0;
    for await (const chunk of csvRecords(createReadStream(GED))) {
      records.push(...chunk.records);
      bytesRead = chunk.bytesRead;
    }
    expect(records.map((r) => r.fields)).toEqual(parse(readFileSync(GED), { relax_column_count: true }));
    expect(records).toHaveLength(16_567);
    expect(bytesRead).toBe(statSync(GED).size);
    // Row 219459 starts on line 349; row 217846 spans lines 883-884, so the next starts on 885.
    expect(records.find((r) => r.fields[0] === '219459')?.line).toBe(349);
    const i = records.findIndex((r) => r.fields[0] === '217846');
    expect([records[i]?.line, records[i + 1]?.line]).toEqual([883, 885]);
  });
});
