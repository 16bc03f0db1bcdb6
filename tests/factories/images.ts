import sharp from 'sharp'

/** A photo-like JPEG (a gradient, so it compresses like a real picture) of the given size. */
export async function makeJpeg(
  width: number,
  height: number,
  options: { orientation?: number; exif?: Record<string, string> } = {},
): Promise<Buffer> {
  let image = sharp(gradient(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 })
  if (options.exif) image = image.withExif({ IFD0: options.exif })
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  return image.toBuffer()
}

export async function makePng(width: number, height: number, options: { alpha?: boolean } = {}): Promise<Buffer> {
  const base = sharp(gradient(width, height), { raw: { width, height, channels: 3 } })
  return (options.alpha ? base.ensureAlpha(0.6) : base).png().toBuffer()
}

function gradient(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      pixels[i] = Math.round((255 * x) / width)
      pixels[i + 1] = Math.round((255 * y) / height)
      pixels[i + 2] = (x * y) % 256
    }
  }
  return pixels
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length)
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

function fullBox(type: string, version: number, ...parts: Buffer[]): Buffer {
  const versionAndFlags = Buffer.alloc(4)
  versionAndFlags.writeUInt32BE(version << 24)
  return box(type, versionAndFlags, ...parts)
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n)
  return b
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/**
 * A structurally valid HEIC file (ISO/IEC 23008-12: `heic` brand, one `hvc1` image item with its
 * `hvcC` and `ispe` properties) whose HEVC payload is a stub. It is what an iPhone sends as far as
 * format detection goes; no HEVC encoder is available here to make a real picture.
 */
export function makeHeicContainer(width: number, height: number): Buffer {
  const payload = Buffer.from([0, 0, 0, 4, 0x26, 0x01, 0xaf, 0x00])
  const ftyp = box('ftyp', Buffer.from('heic'), u32(0), Buffer.from('mif1heic'))
  const hdlr = fullBox('hdlr', 0, u32(0), Buffer.from('pict'), Buffer.alloc(12), Buffer.from([0]))
  const pitm = fullBox('pitm', 0, u16(1))
  const iinf = fullBox('iinf', 0, u16(1), fullBox('infe', 2, u16(1), u16(0), Buffer.from('hvc1'), Buffer.from([0])))
  const hvcC = box(
    'hvcC',
    Buffer.from([1, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5a, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0]),
  )
  const ispe = fullBox('ispe', 0, u32(width), u32(height))
  const ipma = fullBox('ipma', 0, u32(1), u16(1), Buffer.from([2, 0x81, 0x02]))
  const iprp = box('iprp', box('ipco', hvcC, ispe), ipma)
  const meta = (offset: number) =>
    fullBox(
      'meta',
      0,
      hdlr,
      pitm,
      iinf,
      fullBox(
        'iloc',
        0,
        Buffer.from([0x44, 0x40]),
        u16(1),
        u16(1),
        u16(0),
        u32(0),
        u16(1),
        u32(offset),
        u32(payload.length),
      ),
      iprp,
    )
  const offset = ftyp.length + meta(0).length + 8
  return Buffer.concat([ftyp, meta(offset), box('mdat', payload)])
}
