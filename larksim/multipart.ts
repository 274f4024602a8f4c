/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** Parses a multipart/form-data body; undefined when the content type or framing is wrong. */
export function parseMultipart(contentType: string | undefined, body: Buffer): FormPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  while (pos >= 0) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    const next = body.indexOf(delimiter, pos);
    if (headerEnd < 0 || next < 0) return undefined;
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, next - 2);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      const part: FormPart = { name, data };
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
      if (filename !== undefined) part.filename = filename;
      if (type !== undefined) part.contentType = type.trim();
      parts.push(part);
    }
    pos = next;
  }
  return parts;
}

const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['image/bmp', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
  ['image/x-icon', (b) => b.readUInt32BE(0) === 0x00000100],
  ['image/tiff', (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1'))],
];

/** The image format from its magic bytes (the formats Lark accepts, HEIC aside). */
export function sniffImageType(bytes: Buffer): string | undefined {
  if (bytes.length < 12) return undefined;
  return SIGNATURES.find(([, test]) => test(bytes))?.[0];
}
