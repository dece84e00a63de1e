import { BatchFormatError, formatBatchResponse, parseBatch } from '../../../src/emulator/batch';

/** A body framed exactly as @pnp/sp/batching.js writes it (LF line ends, changeset for writes). */
const PNP_BODY = [
  '--batch_1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  "GET http://127.0.0.1:1/sites/plans/_api/web/lists/getByTitle('Plan%20Items')/items(1) HTTP/1.1",
  'accept: application/json',
  '',
  '--batch_1',
  'Content-Type: multipart/mixed; boundary="changeset_2"',
  '',
  '--changeset_2',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  "MERGE http://127.0.0.1:1/sites/plans/_api/web/lists/getByTitle('Plan%20Items')/items(2) HTTP/1.1",
  'content-type: application/json;charset=utf-8',
  'if-match: "1"',
  '',
  '{"Title":"b"}',
  '',
  '--changeset_2--',
  '',
  '--batch_1--',
  '',
].join('\n');

describe('$batch framing', () => {
  it('reads every request of a PnPjs batch in order, with method, URL, headers and body', () => {
    const parts = parseBatch(PNP_BODY, 'batch_1');
    expect(parts.map((p) => p.method)).toEqual(['GET', 'MERGE']);
    expect(parts[1].url).toContain('/items(2)');
    expect(parts[1].headers.get('if-match')).toBe('"1"');
    expect(parts[1].body).toBe('{"Title":"b"}');
    expect(parts[0].body).toBe('');
  });

  it('refuses a batch whose closing boundary is missing', () => {
    expect(() => parseBatch(PNP_BODY.replace('--batch_1--', ''), 'batch_1')).toThrow(BatchFormatError);
    expect(() => parseBatch(PNP_BODY.replace('--changeset_2--', ''), 'batch_1')).toThrow(/changeset is truncated/);
  });

  it('writes one batchresponse part per answer, a 204 without body', () => {
    const text = formatBatchResponse(
      [
        { status: 200, statusText: 'OK', headers: { 'CONTENT-TYPE': 'application/json' }, body: '{"a":1}' },
        { status: 204, statusText: 'No Content', headers: { ETag: '"2"' }, body: null },
      ],
      'batchresponse_x',
    );
    const parts = text.split('--batchresponse_x').slice(1);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('HTTP/1.1 200 OK\r\nCONTENT-TYPE: application/json\r\n\r\n{"a":1}');
    expect(parts[1]).toContain('HTTP/1.1 204 No Content\r\nETag: "2"');
    expect(parts[2].startsWith('--')).toBe(true);
  });
});
