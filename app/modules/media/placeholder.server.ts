import sharp from 'sharp'
import { OCOP_GROUPS } from '#app/modules/catalog/ocop-groups.ts'
import { IMAGE_WIDTHS } from './image-variants.ts'
import { MEDIA_URL_PREFIX, mediaFileExists, writeMediaFile } from './storage.server.ts'
import { mulberry32, type Random } from '#app/utils/random.ts'

/**
 * Placeholder artwork for products without photos: one illustrated design per OCOP subgroup, six
 * colour/layout variants each, drawn as SVG (shapes only: the server may have no fonts) and rendered
 * to WebP with sharp.
 */

export const PLACEHOLDER_WIDTH = 960
export const PLACEHOLDER_HEIGHT = 720
export const PLACEHOLDER_VARIANT_COUNT = 6

const W = PLACEHOLDER_WIDTH
const H = PLACEHOLDER_HEIGHT

type Point = [number, number]
type Rand = Random
type Ctx = { r: Rand; defs: string[]; seq: number; variant: number }
type Design = (ctx: Ctx) => string

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

function hashString(value: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function between(r: Rand, min: number, max: number): number {
  return min + (max - min) * r()
}

// ---------------------------------------------------------------------------------------------------
// SVG primitives

function n(value: number): string {
  return String(Math.round(value * 10) / 10)
}

function pts(points: Point[]): string {
  return points.map(([x, y]) => `${n(x)} ${n(y)}`).join(' ')
}

type Stop = [offset: number, color: string, opacity?: number]

function stopsXml(stops: Stop[]): string {
  return stops
    .map(([offset, color, opacity = 1]) => `<stop offset="${offset}" stop-color="${color}" stop-opacity="${opacity}"/>`)
    .join('')
}

function linear(ctx: Ctx, stops: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
  const id = `g${ctx.seq++}`
  ctx.defs.push(
    `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopsXml(stops)}</linearGradient>`,
  )
  return `url(#${id})`
}

function radial(ctx: Ctx, stops: Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = `g${ctx.seq++}`
  ctx.defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stopsXml(stops)}</radialGradient>`)
  return `url(#${id})`
}

function clip(ctx: Ctx, shape: string): string {
  const id = `c${ctx.seq++}`
  ctx.defs.push(`<clipPath id="${id}">${shape}</clipPath>`)
  return `url(#${id})`
}

function glow(ctx: Ctx, cx: number, cy: number, radius: number, color: string, opacity = 0.7): string {
  const fill = radial(ctx, [
    [0, color, opacity],
    [0.55, color, opacity * 0.45],
    [1, color, 0],
  ])
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="${fill}"/>`
}

function shadow(ctx: Ctx, cx: number, cy: number, rx: number, ry: number, opacity = 0.22, color = '#3a2a1a'): string {
  const fill = radial(ctx, [
    [0, color, opacity],
    [0.6, color, opacity * 0.5],
    [1, color, 0],
  ])
  return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"/>`
}

function backdrop(ctx: Ctx, top: string, bottom: string, glowColor: string, glowX: number, glowY: number): string {
  const fill = linear(ctx, [
    [0, top],
    [1, bottom],
  ])
  return `<rect width="${W}" height="${H}" fill="${fill}"/>${glow(ctx, glowX, glowY, 420, glowColor, 0.75)}`
}

/** Catmull-Rom spline through the points, as cubic Bézier segments (without the initial move). */
function curveThrough(points: Point[]): string {
  let d = ''
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]
    const p1 = points[i]
    const p2 = points[i + 1]
    const p3 = points[i + 2] ?? p2
    const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6]
    const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6]
    d += `C${pts([c1, c2, p2])}`
  }
  return d
}

function smoothPath(points: Point[]): string {
  return `M${pts([points[0]])}${curveThrough(points)}`
}

/** A symmetric body of revolution seen from the side (vases, jars, bowls) from its right-hand profile. */
function lathe(cx: number, profile: Point[]): string {
  const right = profile.map(([dx, y]): Point => [cx + dx, y])
  const left = [...profile].reverse().map(([dx, y]): Point => [cx - dx, y])
  return `M${pts([right[0]])}${curveThrough(right)}L${pts([left[0]])}${curveThrough(left)}Z`
}

function halfWidthAt(profile: Point[], y: number): number {
  for (let i = 0; i < profile.length - 1; i++) {
    const [w1, y1] = profile[i]
    const [w2, y2] = profile[i + 1]
    if ((y >= y1 && y <= y2) || (y <= y1 && y >= y2)) {
      const t = y2 === y1 ? 0 : (y - y1) / (y2 - y1)
      return w1 + (w2 - w1) * t
    }
  }
  return profile[profile.length - 1][0]
}

function leafPath(length: number, width: number): string {
  const L = length
  const w = width
  return `M0 0C${n(L * 0.22)} ${n(-w)} ${n(L * 0.68)} ${n(-w * 0.95)} ${n(L)} 0C${n(L * 0.68)} ${n(w * 0.95)} ${n(L * 0.22)} ${n(w)} 0 0Z`
}

function leaf(x: number, y: number, length: number, width: number, angle: number, fill: string, vein?: string): string {
  const veinXml = vein
    ? `<path d="M${n(length * 0.06)} 0Q${n(length * 0.5)} ${n(-width * 0.14)} ${n(length * 0.9)} 0" stroke="${vein}" stroke-width="${n(Math.max(1.5, width * 0.08))}" fill="none" stroke-linecap="round" opacity="0.7"/>`
    : ''
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="${leafPath(length, width)}" fill="${fill}"/>${veinXml}</g>`
}

function leafGradient(ctx: Ctx, light: string, dark: string): string {
  return linear(
    ctx,
    [
      [0, dark],
      [1, light],
    ],
    0,
    0,
    1,
    0,
  )
}

function hillPoints(r: Rand, baseY: number, amp: number, count: number): Point[] {
  const points: Point[] = []
  for (let i = 0; i <= count; i++) {
    points.push([-60 + ((W + 120) * i) / count, baseY + between(r, -amp, amp)])
  }
  return points
}

function hill(points: Point[], fill: string, opacity = 1): string {
  return `<path d="${smoothPath(points)}L${W + 60} ${H + 40}L-60 ${H + 40}Z" fill="${fill}" opacity="${opacity}"/>`
}

function steam(x: number, y: number, height: number, color: string): string {
  const d = `M${n(x)} ${n(y)}c-18 ${n(-height * 0.2)} 18 ${n(-height * 0.4)} 0 ${n(-height * 0.6)}s18 ${n(-height * 0.3)} 0 ${n(-height * 0.4)}`
  return `<path d="${d}" stroke="${color}" stroke-width="9" stroke-linecap="round" fill="none" opacity="0.55"/>`
}

function dots(
  r: Rand,
  count: number,
  area: [number, number, number, number],
  radius: [number, number],
  fill: string,
  opacity = 0.5,
): string {
  let out = ''
  for (let i = 0; i < count; i++) {
    const x = between(r, area[0], area[2])
    const y = between(r, area[1], area[3])
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(between(r, radius[0], radius[1]))}" fill="${fill}" opacity="${opacity}"/>`
  }
  return out
}

/** A glass bottle standing on `baseY`, with liquid up to `fill` (0..1) of the body and a blank label band. */
function bottle(
  ctx: Ctx,
  o: {
    x: number
    baseY: number
    width: number
    height: number
    neckWidth: number
    glass: string
    liquid: string
    level: number
    cap: string
    label?: string
    shoulder?: number
  },
): string {
  const bw = o.width / 2
  const nw = o.neckWidth / 2
  const shoulder = o.shoulder ?? 0.22
  const bodyTop = o.baseY - o.height * (0.62 - shoulder * 0.2)
  const neckBottom = bodyTop - o.height * shoulder
  const neckTop = o.baseY - o.height
  const rad = Math.min(bw * 0.35, 24)
  const x = o.x
  const y = o.baseY
  const d = `M${n(x - bw)} ${n(y - rad)}L${n(x - bw)} ${n(bodyTop)}C${n(x - bw)} ${n(bodyTop - (bodyTop - neckBottom) * 0.6)} ${n(x - nw)} ${n(neckBottom + (bodyTop - neckBottom) * 0.45)} ${n(x - nw)} ${n(neckBottom)}L${n(x - nw)} ${n(neckTop)}L${n(x + nw)} ${n(neckTop)}L${n(x + nw)} ${n(neckBottom)}C${n(x + nw)} ${n(neckBottom + (bodyTop - neckBottom) * 0.45)} ${n(x + bw)} ${n(bodyTop - (bodyTop - neckBottom) * 0.6)} ${n(x + bw)} ${n(bodyTop)}L${n(x + bw)} ${n(y - rad)}Q${n(x + bw)} ${n(y)} ${n(x + bw - rad)} ${n(y)}L${n(x - bw + rad)} ${n(y)}Q${n(x - bw)} ${n(y)} ${n(x - bw)} ${n(y - rad)}Z`
  const inside = clip(ctx, `<path d="${d}"/>`)
  const liquidTop = y - (y - bodyTop) * o.level
  const liquidFill = linear(
    ctx,
    [
      [0, o.liquid, 0.85],
      [1, o.liquid, 1],
    ],
    0,
    0,
    1,
    0,
  )
  const glassFill = linear(
    ctx,
    [
      [0, o.glass, 0.55],
      [0.5, o.glass, 0.3],
      [1, o.glass, 0.6],
    ],
    0,
    0,
    1,
    0,
  )
  const labelH = (y - bodyTop) * 0.42
  const labelY = y - (y - bodyTop) * 0.72
  const label = o.label
    ? `<rect x="${n(x - bw)}" y="${n(labelY)}" width="${n(bw * 2)}" height="${n(labelH)}" fill="${o.label}"/><rect x="${n(x - bw * 0.5)}" y="${n(labelY + labelH * 0.3)}" width="${n(bw)}" height="${n(labelH * 0.12)}" rx="3" fill="${o.cap}" opacity="0.6"/><rect x="${n(x - bw * 0.35)}" y="${n(labelY + labelH * 0.56)}" width="${n(bw * 0.7)}" height="${n(labelH * 0.08)}" rx="3" fill="${o.cap}" opacity="0.35"/>`
    : ''
  return `<g>${shadow(ctx, x, y, bw * 1.5, 16)}<path d="${d}" fill="${glassFill}"/><g clip-path="${inside}"><rect x="${n(x - bw)}" y="${n(liquidTop)}" width="${n(bw * 2)}" height="${n(y - liquidTop)}" fill="${liquidFill}"/>${label}<rect x="${n(x - bw * 0.72)}" y="${n(neckTop)}" width="${n(bw * 0.16)}" height="${n(y - neckTop)}" rx="6" fill="#ffffff" opacity="0.35"/></g><path d="${d}" fill="none" stroke="#ffffff" stroke-opacity="0.45" stroke-width="3"/><rect x="${n(x - nw - 3)}" y="${n(neckTop - o.height * 0.08)}" width="${n(nw * 2 + 6)}" height="${n(o.height * 0.09)}" rx="5" fill="${o.cap}"/></g>`
}

function ribbonBand(top: Point[], bottom: Point[], fill: string, opacity = 1): string {
  return `<path d="M${pts([top[0]])}${curveThrough(top)}L${pts([bottom[bottom.length - 1]])}${curveThrough([...bottom].reverse())}Z" fill="${fill}" opacity="${opacity}"/>`
}

function hexagon(cx: number, cy: number, radius: number): string {
  const corners: Point[] = []
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i + Math.PI / 6
    corners.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)])
  }
  return `M${pts(corners)}Z`
}

function flower(
  x: number,
  y: number,
  radius: number,
  petals: number,
  petal: string,
  centre: string,
  rotation = 0,
): string {
  let out = `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(rotation)})">`
  for (let i = 0; i < petals; i++) {
    out += `<ellipse cx="0" cy="${n(-radius * 0.55)}" rx="${n(radius * 0.42)}" ry="${n(radius * 0.55)}" fill="${petal}" transform="rotate(${n((360 / petals) * i)})"/>`
  }
  out += `<circle r="${n(radius * 0.26)}" fill="${centre}"/>`
  for (let i = 0; i < 7; i++) {
    const a = (Math.PI * 2 * i) / 7
    out += `<circle cx="${n(Math.cos(a) * radius * 0.36)}" cy="${n(Math.sin(a) * radius * 0.36)}" r="${n(radius * 0.05)}" fill="${centre}"/>`
  }
  return `${out}</g>`
}

// ---------------------------------------------------------------------------------------------------
// Designs: one per subgroup family. Each picks its palette from ctx.variant and its layout from ctx.r.

type Palette = { bg: [string, string]; glow: string; a: string; b: string; c: string; d: string }

function palette(ctx: Ctx, palettes: Palette[]): Palette {
  return palettes[ctx.variant % palettes.length]
}

const honey: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fff7e3', '#fbe2ad'], glow: '#fffaf0', a: '#fbc94f', b: '#e3901c', c: '#ffe9b5', d: '#b96a10' },
    { bg: ['#fdf0e2', '#f4d1a4'], glow: '#fff6ea', a: '#f6ad45', b: '#c76a14', c: '#fde2b8', d: '#8e4a0c' },
    { bg: ['#f6f4e4', '#e6e0bb'], glow: '#fffdf2', a: '#eac66a', b: '#b8872a', c: '#f7ecc4', d: '#80601c' },
    { bg: ['#fff3eb', '#f7d8c2'], glow: '#fff9f3', a: '#f8b760', b: '#db7828', c: '#ffe4c9', d: '#a4521a' },
    { bg: ['#f4f1e6', '#e3dcc3'], glow: '#fffcf2', a: '#f0c25b', b: '#c98923', c: '#f8eccb', d: '#8b5d14' },
    { bg: ['#fff8e8', '#fae3b9'], glow: '#ffffff', a: '#ffd36a', b: '#ef8a26', c: '#fff0cc', d: '#b15f16' },
  ])
  const { r } = ctx
  const centres: Point[] = [
    [620, 300],
    [600, 330],
    [520, 260],
    [640, 360],
    [560, 280],
    [600, 320],
  ]
  const [cx, cy] = centres[ctx.variant % centres.length]
  const R = between(r, 44, 56)
  const reach = between(r, 300, 360)
  const honeyFill = radial(
    ctx,
    [
      [0, p.c],
      [0.45, p.a],
      [1, p.b],
    ],
    0.4,
    0.35,
    0.7,
  )
  const capFill = radial(
    ctx,
    [
      [0, '#ffffff', 0.9],
      [1, p.c],
    ],
    0.4,
    0.35,
    0.8,
  )
  let cells = ''
  const drips: Point[] = []
  const dx = Math.sqrt(3) * R
  for (let row = -1; row < H / (1.5 * R) + 1; row++) {
    for (let col = -1; col < W / dx + 1; col++) {
      const x = col * dx + (row % 2 === 0 ? 0 : dx / 2)
      const y = row * 1.5 * R
      const distance = Math.hypot((x - cx) / 1.25, y - cy) / reach + between(r, -0.12, 0.12)
      if (distance > 1) continue
      if (distance < 0.6) {
        cells += `<path d="${hexagon(x, y, R)}" fill="${honeyFill}" stroke="${p.c}" stroke-width="${n(R * 0.16)}" stroke-linejoin="round"/>`
        if (y > cy + reach * 0.25 && r() < 0.5) drips.push([x, y + R])
      } else if (distance < 0.8) {
        cells += `<path d="${hexagon(x, y, R)}" fill="${capFill}" stroke="${p.c}" stroke-width="${n(R * 0.16)}" stroke-linejoin="round"/>`
      } else {
        cells += `<path d="${hexagon(x, y, R * 0.86)}" fill="${p.c}" fill-opacity="0.35" stroke="${p.c}" stroke-width="${n(R * 0.14)}" stroke-linejoin="round" stroke-opacity="0.8"/>`
      }
    }
  }
  let dripXml = ''
  for (const [x, y] of drips.slice(0, 3)) {
    const a = R * 0.3
    const b = R * 0.18
    const L = between(r, 50, 120)
    dripXml += `<path d="M${n(x - a)} ${n(y - 6)}C${n(x - a)} ${n(y + L * 0.5)} ${n(x - b)} ${n(y + L * 0.6)} ${n(x - b)} ${n(y + L)}A${n(b)} ${n(b)} 0 0 0 ${n(x + b)} ${n(y + L)}C${n(x + b)} ${n(y + L * 0.6)} ${n(x + a)} ${n(y + L * 0.5)} ${n(x + a)} ${n(y - 6)}Z" fill="${honeyFill}"/><circle cx="${n(x)}" cy="${n(y + L + b * 0.6)}" r="${n(b * 1.45)}" fill="${p.a}"/><circle cx="${n(x - b * 0.4)}" cy="${n(y + L + b * 0.2)}" r="${n(b * 0.4)}" fill="#ffffff" opacity="0.6"/>`
  }
  let extras = ''
  if (ctx.variant % 3 !== 1) {
    // honey dipper resting diagonally in front of the comb
    const x = between(r, 170, 260)
    const y = between(r, 470, 540)
    const angle = between(r, -38, -24)
    let ridges = ''
    for (let i = 0; i < 5; i++) {
      ridges += `<ellipse cx="${n(-10 + i * 24)}" cy="0" rx="14" ry="${n(40 - Math.abs(i - 2) * 6)}" fill="${p.d}"/><ellipse cx="${n(-14 + i * 24)}" cy="-6" rx="5" ry="${n(28 - Math.abs(i - 2) * 5)}" fill="#ffffff" opacity="0.18"/>`
    }
    const wood = linear(ctx, [
      [0, '#d9a86a'],
      [1, '#a8703a'],
    ])
    extras += `${shadow(ctx, x + 110, y + 70, 200, 20, 0.18)}<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><rect x="80" y="-9" width="300" height="18" rx="9" fill="${wood}"/>${ridges}<ellipse cx="40" cy="26" rx="36" ry="16" fill="${p.a}" opacity="0.9"/></g>`
  }
  if (ctx.variant % 2 === 1 || ctx.variant === 4) {
    const bx = between(r, 170, 300)
    const by = between(r, 150, 240)
    extras += `<path d="M${n(bx - 140)} ${n(by + 120)}C${n(bx - 80)} ${n(by + 40)} ${n(bx - 120)} ${n(by - 30)} ${n(bx - 40)} ${n(by)}" stroke="${p.d}" stroke-width="4" stroke-dasharray="2 14" stroke-linecap="round" fill="none" opacity="0.5"/>${bee(bx, by, 1, p)}`
  }
  return `${backdrop(ctx, p.bg[0], p.bg[1], p.glow, cx, cy)}${cells}${dripXml}${extras}`
}

function bee(x: number, y: number, scale: number, p: Palette): string {
  return `<g transform="translate(${n(x)} ${n(y)}) scale(${scale}) rotate(-12)"><ellipse cx="-6" cy="-26" rx="20" ry="28" fill="#ffffff" opacity="0.75" transform="rotate(-25)"/><ellipse cx="12" cy="-24" rx="16" ry="24" fill="#ffffff" opacity="0.6" transform="rotate(20)"/><ellipse cx="0" cy="0" rx="38" ry="25" fill="#f6c343"/><path d="M-14 -23Q-8 0 -14 23M4 -25Q10 0 4 25M21 -20Q26 0 21 20" stroke="${p.d}" stroke-width="9" fill="none" stroke-linecap="round"/><circle cx="38" cy="-2" r="13" fill="${p.d}"/><circle cx="42" cy="-6" r="3" fill="#ffffff" opacity="0.8"/></g>`
}

const teaHills: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#eef6e6', '#dcebcb'], glow: '#fffbe6', a: '#c9e0ae', b: '#96c47c', c: '#5e9d52', d: '#3c7a3a' },
    { bg: ['#e6f1ee', '#d2e6dc'], glow: '#f6fff9', a: '#bcdcc4', b: '#86bd93', c: '#4f9465', d: '#2f6d45' },
    { bg: ['#fcf0dc', '#f2e2c2'], glow: '#fff6da', a: '#d3dfa6', b: '#a3c46f', c: '#6f9f45', d: '#4a7a2e' },
    { bg: ['#f2f5e4', '#e1e9c8'], glow: '#ffffff', a: '#cfe2a3', b: '#a0c964', c: '#6aa240', d: '#3d7428' },
    { bg: ['#eaf3f3', '#d9e9e2'], glow: '#fffef4', a: '#c2ddc8', b: '#8dc59a', c: '#579f6c', d: '#2e7046' },
    { bg: ['#fbeee4', '#f3ddcf'], glow: '#fff3e6', a: '#d6e0b4', b: '#a7c68a', c: '#6e9c5b', d: '#41703c' },
  ])
  const { r } = ctx
  const sunX = between(r, 560, 760)
  const sunY = between(r, 150, 210)
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, sunX, sunY)
  out += `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(between(r, 48, 62))}" fill="#fff8dc" opacity="0.9"/>`
  const layers = [
    { base: 330, amp: 40, fill: p.a, rows: false },
    { base: 410, amp: 45, fill: p.b, rows: false },
    { base: 500, amp: 45, fill: p.c, rows: true },
    { base: 610, amp: 35, fill: p.d, rows: true },
  ]
  for (const layer of layers) {
    const points = hillPoints(r, layer.base, layer.amp, 4)
    out += hill(points, layer.fill)
    if (layer.rows) {
      const inside = clip(ctx, hill(points, '#000'))
      let rows = ''
      for (let k = 1; k < 14; k++) {
        const shifted = points.map(([x, y]): Point => [x, y + k * 24])
        rows += `<path d="${smoothPath(shifted)}" stroke="#ffffff" stroke-opacity="0.16" stroke-width="7" fill="none"/><path d="${smoothPath(shifted.map(([x, y]): Point => [x, y + 9]))}" stroke="#12351a" stroke-opacity="0.14" stroke-width="5" fill="none"/>`
      }
      out += `<g clip-path="${inside}">${rows}</g>`
    }
  }
  const leafFill = leafGradient(ctx, '#b5dc85', p.d)
  const x = between(r, 150, 230)
  const y = 700
  const sprigScale = 1.35
  const sprig = `<path d="M${x} ${y}C${x + 10} ${y - 90} ${x + 30} ${y - 170} ${x + 60} ${y - 250}" stroke="${p.d}" stroke-width="7" fill="none" stroke-linecap="round"/>${leaf(x + 8, y - 80, 210, 62, -140, leafFill, '#eaf6d8')}${leaf(x + 22, y - 150, 200, 58, -30, leafFill, '#eaf6d8')}${leaf(
    x + 58,
    y - 245,
    110,
    28,
    -70,
    linear(
      ctx,
      [
        [0, '#d8eeb4'],
        [1, '#8cc46a'],
      ],
      0,
      0,
      1,
      0,
    ),
    '#ffffff',
  )}`
  out += `<g transform="translate(${n(x)} ${y}) scale(${sprigScale}) translate(${n(-x)} ${-y})">${sprig}</g>`
  return out
}

const rice: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fdf6e3', '#f5e1b0'], glow: '#fffdf3', a: '#f5d36b', b: '#d09a33', c: '#b78a3c', d: '#8d6a2a' },
    { bg: ['#f4f6e4', '#e7ebc6'], glow: '#fffff4', a: '#d7e08d', b: '#a9b655', c: '#86a04a', d: '#5e7a32' },
    { bg: ['#f6eef4', '#eadbe6'], glow: '#fffaff', a: '#9b6aa6', b: '#6b3f78', c: '#8f9a4e', d: '#5a4a30' },
    { bg: ['#fdf2e6', '#f4dac0'], glow: '#fff8ef', a: '#e6a55f', b: '#b8652f', c: '#b08a4a', d: '#7a5428' },
    { bg: ['#f7f4e8', '#ece4c9'], glow: '#ffffff', a: '#f2e2b0', b: '#d6bd7c', c: '#a9a162', d: '#7d7440' },
    { bg: ['#fef7df', '#f7e2a4'], glow: '#fffbe8', a: '#f8cd57', b: '#dd962a', c: '#c29a3e', d: '#93702a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, between(r, 250, 700), 230)
  const field = hillPoints(r, 560, 18, 3)
  out += hill(
    field,
    linear(ctx, [
      [0, p.a, 0.55],
      [1, p.b, 0.55],
    ]),
  )
  out += hill(
    hillPoints(r, 640, 14, 3),
    linear(ctx, [
      [0, p.b, 0.45],
      [1, p.d, 0.5],
    ]),
  )
  const grain = linear(
    ctx,
    [
      [0, p.a],
      [1, p.b],
    ],
    0,
    0,
    1,
    1,
  )
  const bladeFill = leafGradient(ctx, p.c, p.d)
  const count = 5 + Math.floor(r() * 3)
  const spread = between(r, 420, 560)
  const centre = between(r, 420, 560)
  let stalks = ''
  for (let i = 0; i < count; i++) {
    const bx = centre - spread / 2 + (spread * i) / (count - 1) + between(r, -20, 20)
    const tx = bx + between(r, -60, 60)
    const ty = between(r, 170, 300)
    const dir = tx > centre ? 1 : -1
    stalks += `<path d="M${n(bx)} 740Q${n(bx + (tx - bx) * 0.2)} ${n(ty + 200)} ${n(tx)} ${n(ty)}" stroke="${p.c}" stroke-width="6" fill="none" stroke-linecap="round"/>`
    stalks += leaf(bx, 720, between(r, 230, 300), 13, -90 + dir * between(r, 18, 35), bladeFill)
    const end: Point = [tx + dir * between(r, 90, 140), ty + between(r, 130, 190)]
    const ctrl: Point = [tx + dir * between(r, 90, 130), ty - between(r, 40, 70)]
    stalks += `<path d="M${n(tx)} ${n(ty)}Q${pts([ctrl, end])}" stroke="${p.c}" stroke-width="4" fill="none" stroke-linecap="round"/>`
    for (let k = 1; k <= 13; k++) {
      const t = k / 13.5
      const x = (1 - t) ** 2 * tx + 2 * (1 - t) * t * ctrl[0] + t * t * end[0]
      const y = (1 - t) ** 2 * ty + 2 * (1 - t) * t * ctrl[1] + t * t * end[1]
      const tanX = 2 * (1 - t) * (ctrl[0] - tx) + 2 * t * (end[0] - ctrl[0])
      const tanY = 2 * (1 - t) * (ctrl[1] - ty) + 2 * t * (end[1] - ctrl[1])
      const base = (Math.atan2(tanY, tanX) * 180) / Math.PI
      for (const side of [-1, 1]) {
        const angle = base + side * 38
        const size = 15 - t * 4
        stalks += `<ellipse cx="${n(x + Math.cos((angle * Math.PI) / 180) * size * 0.9)}" cy="${n(y + Math.sin((angle * Math.PI) / 180) * size * 0.9)}" rx="${n(size)}" ry="${n(size * 0.48)}" transform="rotate(${n(angle)} ${n(x + Math.cos((angle * Math.PI) / 180) * size * 0.9)} ${n(y + Math.sin((angle * Math.PI) / 180) * size * 0.9)})" fill="${grain}"/>`
      }
    }
  }
  out += stalks
  out += dots(r, 18, [60, 80, 900, 520], [2, 4], '#ffffff', 0.6)
  return out
}

function bean(ctx: Ctx, x: number, y: number, size: number, angle: number, fill: string, crease: string): string {
  const rx = size
  const ry = size * 0.7
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><ellipse rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"/><path d="M${n(-rx * 0.86)} 0C${n(-rx * 0.3)} ${n(ry * 0.42)} ${n(rx * 0.3)} ${n(-ry * 0.42)} ${n(rx * 0.86)} 0" stroke="${crease}" stroke-width="${n(size * 0.14)}" fill="none" stroke-linecap="round"/><ellipse cx="${n(-rx * 0.3)}" cy="${n(-ry * 0.5)}" rx="${n(rx * 0.35)}" ry="${n(ry * 0.16)}" fill="#ffffff" opacity="0.22"/></g>`
}

function cupWithPhin(
  ctx: Ctx,
  x: number,
  baseY: number,
  scale: number,
  cup: string,
  metal: string,
  coffee: string,
): string {
  return `<g transform="translate(${n(x)} ${n(baseY)}) scale(${scale})">${phinAtOrigin(ctx, cup, metal, coffee)}</g>`
}

function phinAtOrigin(ctx: Ctx, cup: string, metal: string, coffee: string): string {
  const x = 0
  const baseY = 0
  const cupFill = linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, cup],
    ],
    0,
    0,
    1,
    0,
  )
  const metalFill = linear(
    ctx,
    [
      [0, '#f4f4f2'],
      [0.45, metal],
      [1, '#8f8f8c'],
    ],
    0,
    0,
    1,
    0,
  )
  const top = baseY - 150
  return `${shadow(ctx, x, baseY + 6, 190, 26)}<ellipse cx="${x}" cy="${baseY}" rx="170" ry="26" fill="${cupFill}"/><ellipse cx="${x}" cy="${baseY - 6}" rx="120" ry="14" fill="#000000" opacity="0.06"/><path d="M${x + 88} ${top + 40}c70 -10 80 80 0 90" stroke="${cup}" stroke-width="20" fill="none"/><path d="M${x - 110} ${top}L${x + 110} ${top}C${x + 110} ${top + 100} ${x + 70} ${baseY - 6} ${x} ${baseY - 6}C${x - 70} ${baseY - 6} ${x - 110} ${top + 100} ${x - 110} ${top}Z" fill="${cupFill}"/><ellipse cx="${x}" cy="${top}" rx="110" ry="18" fill="${coffee}"/><ellipse cx="${x}" cy="${top - 6}" rx="118" ry="12" fill="${metalFill}"/><path d="M${x - 64} ${top - 8}L${x - 70} ${top - 120}L${x + 70} ${top - 120}L${x + 64} ${top - 8}Z" fill="${metalFill}"/><ellipse cx="${x}" cy="${top - 120}" rx="76" ry="12" fill="${metalFill}"/><path d="M${x - 62} ${top - 132}Q${x} ${top - 170} ${x + 62} ${top - 132}Z" fill="${metalFill}"/><circle cx="${x}" cy="${top - 156}" r="12" fill="${metal}"/><rect x="${x - 50}" y="${top - 100}" width="10" height="80" rx="5" fill="#ffffff" opacity="0.45"/>${steam(x + 100, top - 70, 110, '#ffffff')}`
}

function cocoaPod(ctx: Ctx, x: number, y: number, size: number, angle: number, light: string, dark: string): string {
  const fill = radial(
    ctx,
    [
      [0, '#fff0c8', 0.9],
      [0.25, light],
      [1, dark],
    ],
    0.4,
    0.3,
    0.8,
  )
  const h = size * 0.58
  let ribs = ''
  for (const k of [-0.62, -0.3, 0, 0.3, 0.62]) {
    ribs += `<path d="M${n(-size * 0.92)} ${n(k * h * 0.3)}C${n(-size * 0.4)} ${n(k * h * 1.3)} ${n(size * 0.5)} ${n(k * h * 1.3)} ${n(size * 1.02)} ${n(k * h * 0.2)}" stroke="${dark}" stroke-width="${n(size * 0.035)}" fill="none" opacity="0.35"/>`
  }
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">${shadow(ctx, 0, h * 0.9, size, h * 0.25)}<path d="M${n(-size)} 0C${n(-size)} ${n(-h * 1.3)} ${n(size * 0.7)} ${n(-h * 1.25)} ${n(size * 1.12)} 0C${n(size * 0.7)} ${n(h * 1.25)} ${n(-size)} ${n(h * 1.3)} ${n(-size)} 0Z" fill="${fill}"/>${ribs}<path d="M${n(-size * 0.98)} 0l${n(-size * 0.22)} -8" stroke="#6b4a2a" stroke-width="${n(size * 0.09)}" stroke-linecap="round"/></g>`
}

const coffee: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f7efe6', '#eadbc8'], glow: '#fffaf3', a: '#8a5a3a', b: '#4a2c1c', c: '#f2e6d8', d: '#c89a6a' },
    { bg: ['#f3ece4', '#e2d2c0'], glow: '#fffaf4', a: '#7c4f33', b: '#3d2417', c: '#e9ddd0', d: '#b88658' },
    { bg: ['#f6eee2', '#ead6bb'], glow: '#fff8ec', a: '#9a643b', b: '#52301a', c: '#f4e8d6', d: '#d9a25a' },
    { bg: ['#efe9e2', '#ddd0c2'], glow: '#fbf8f4', a: '#6e4630', b: '#332016', c: '#ece4da', d: '#a97d58' },
    { bg: ['#f8eee6', '#efd9c8'], glow: '#fffaf6', a: '#8f573a', b: '#48271a', c: '#f6e9dd', d: '#c7814c' },
    { bg: ['#f2eee6', '#e3dbcb'], glow: '#ffffff', a: '#80563a', b: '#3f2a1c', c: '#eeeae0', d: '#b3936a' },
  ])
  const { r } = ctx
  const beanFill = radial(
    ctx,
    [
      [0, p.a],
      [1, p.b],
    ],
    0.4,
    0.35,
    0.75,
  )
  const layout = ctx.variant % 3
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 560, 300)
  out += `<circle cx="${n(between(r, 560, 660))}" cy="330" r="230" fill="${p.d}" opacity="0.16"/>`
  if (layout === 1) {
    for (let i = 0; i < 46; i++) {
      const t = i / 46
      const x = 120 + t * 720 + between(r, -90, 90)
      const y = 600 - t * 420 + between(r, -110, 110)
      out += bean(ctx, x, y, between(r, 34, 48), between(r, 0, 180), beanFill, p.b)
    }
    return out
  }
  if (layout === 2) {
    out += leaf(720, 250, 260, 70, -30, leafGradient(ctx, '#b8d88c', '#4f7a34'), '#eef6e0')
    out += cocoaPod(ctx, 590, 360, 170, -24, '#f0a040', '#9a3a1e')
    out += cocoaPod(ctx, 740, 530, 125, 18, '#e4b048', '#a0622a')
  } else {
    out += cupWithPhin(ctx, 610, 620, 1.35, p.c, '#c9c9c4', p.b)
  }
  for (let i = 0; i < 14; i++) {
    out += bean(ctx, between(r, 90, 380), between(r, 470, 660), between(r, 32, 44), between(r, 0, 180), beanFill, p.b)
  }
  return out
}

function jar(
  ctx: Ctx,
  x: number,
  baseY: number,
  width: number,
  height: number,
  body: string,
  band: string,
  lid: string,
): string {
  const w = width / 2
  const profile: Point[] = [
    [w * 0.42, baseY - height],
    [w * 0.5, baseY - height * 0.9],
    [w * 0.9, baseY - height * 0.68],
    [w, baseY - height * 0.42],
    [w * 0.82, baseY - height * 0.12],
    [w * 0.56, baseY],
  ]
  const shade = linear(
    ctx,
    [
      [0, '#ffffff', 0.28],
      [0.35, '#ffffff', 0],
      [0.75, '#000000', 0.05],
      [1, '#000000', 0.28],
    ],
    0,
    0,
    1,
    0,
  )
  const d = lathe(x, profile)
  const inside = clip(ctx, `<path d="${d}"/>`)
  let bands = ''
  for (const t of [0.3, 0.36, 0.74]) {
    const y = baseY - height * t
    const hw = halfWidthAt(
      profile.map(([dx, py]): Point => [dx, py]),
      y,
    )
    bands += `<path d="M${n(x - hw)} ${n(y)}Q${n(x)} ${n(y + 16)} ${n(x + hw)} ${n(y)}" stroke="${band}" stroke-width="${t === 0.74 ? 14 : 6}" fill="none"/>`
  }
  return `${shadow(ctx, x, baseY, w * 1.3, 20)}<path d="${d}" fill="${body}"/><g clip-path="${inside}">${bands}<rect x="${n(x - w)}" y="${n(baseY - height)}" width="${n(w * 2)}" height="${n(height)}" fill="${shade}"/></g><path d="M${n(x - w * 0.52)} ${n(baseY - height + 4)}Q${n(x)} ${n(baseY - height - height * 0.2)} ${n(x + w * 0.52)} ${n(baseY - height + 4)}Z" fill="${lid}"/><ellipse cx="${n(x)}" cy="${n(baseY - height + 4)}" rx="${n(w * 0.54)}" ry="8" fill="${lid}"/>`
}

const sauces: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fbf0e6', '#f1d6c2'], glow: '#fff8f2', a: '#8e2c1f', b: '#6b3a22', c: '#c7702e', d: '#e9b98f' },
    { bg: ['#f8ece4', '#ecd0c0'], glow: '#fff6f0', a: '#7a2418', b: '#4f2a1a', c: '#b4552a', d: '#e6a886' },
    { bg: ['#f6efe4', '#e8d8c0'], glow: '#fffbf2', a: '#6e3a1e', b: '#3f2414', c: '#a8642c', d: '#dcb688' },
    { bg: ['#fcefe8', '#f3d3c8'], glow: '#fff8f5', a: '#9b3324', b: '#5a2a1c', c: '#d67a3a', d: '#efbf9c' },
    { bg: ['#f4eee6', '#e4d6c6'], glow: '#fffaf4', a: '#7d3a26', b: '#4a2a1e', c: '#b87a42', d: '#d9b898' },
    { bg: ['#fdf3e6', '#f5dcbc'], glow: '#fffaf0', a: '#a43b1c', b: '#6a3010', c: '#df8a34', d: '#f2c58e' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 470, 260)
  // flowing waves in the colours of fish sauce and soy, behind the jars
  for (let i = 0; i < 4; i++) {
    const base = 470 + i * 55
    const amp = 26 - i * 3
    const phase = between(r, 0, Math.PI * 2)
    const points: Point[] = []
    for (let k = 0; k <= 8; k++) points.push([-60 + k * 135, base + Math.sin(phase + k * 1.3) * amp])
    const colour = [p.d, p.c, p.a, p.b][i]
    out += hill(points, colour)
  }
  const layout = ctx.variant % 3
  const jarBody = linear(
    ctx,
    [
      [0, p.c],
      [1, p.a],
    ],
    0,
    0,
    1,
    0,
  )
  if (layout === 0) {
    out += jar(ctx, 610, 600, 300, 330, jarBody, p.b, p.b)
    out += jar(
      ctx,
      380,
      640,
      190,
      210,
      linear(
        ctx,
        [
          [0, p.d],
          [1, p.c],
        ],
        0,
        0,
        1,
        0,
      ),
      p.a,
      p.a,
    )
  } else if (layout === 1) {
    out += jar(ctx, 360, 610, 280, 300, jarBody, p.b, p.b)
    out += bottle(ctx, {
      x: 640,
      baseY: 640,
      width: 130,
      height: 400,
      neckWidth: 42,
      glass: '#fff3e0',
      liquid: p.c,
      level: 0.9,
      cap: p.a,
      label: '#fff6ea',
    })
    out += bottle(ctx, {
      x: 780,
      baseY: 650,
      width: 100,
      height: 300,
      neckWidth: 34,
      glass: '#fff3e0',
      liquid: p.a,
      level: 0.85,
      cap: p.b,
      label: '#fff6ea',
    })
  } else {
    out += bottle(ctx, {
      x: 520,
      baseY: 630,
      width: 150,
      height: 440,
      neckWidth: 46,
      glass: '#fff3e0',
      liquid: p.c,
      level: 0.9,
      cap: p.a,
      label: '#fff6ea',
    })
    out += jar(ctx, 300, 650, 200, 220, jarBody, p.b, p.b)
    out += jar(
      ctx,
      730,
      650,
      220,
      250,
      linear(
        ctx,
        [
          [0, p.d],
          [1, p.c],
        ],
        0,
        0,
        1,
        0,
      ),
      p.a,
      p.a,
    )
  }
  out += dots(r, 10, [80, 60, 880, 300], [3, 6], '#ffffff', 0.7)
  return out
}

function starAnise(ctx: Ctx, x: number, y: number, size: number, angle: number, colour: string, dark: string): string {
  let pods = ''
  for (let i = 0; i < 8; i++) {
    pods += `<g transform="rotate(${i * 45})"><path d="M0 ${n(-size * 0.18)}C${n(size * 0.22)} ${n(-size * 0.35)} ${n(size * 0.16)} ${n(-size * 0.85)} 0 ${n(-size)}C${n(-size * 0.16)} ${n(-size * 0.85)} ${n(-size * 0.22)} ${n(-size * 0.35)} 0 ${n(-size * 0.18)}Z" fill="${colour}" stroke="${dark}" stroke-width="3"/><ellipse cx="0" cy="${n(-size * 0.55)}" rx="${n(size * 0.06)}" ry="${n(size * 0.12)}" fill="#e8b46a"/></g>`
  }
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">${pods}<circle r="${n(size * 0.16)}" fill="${dark}"/></g>`
}

function chili(ctx: Ctx, x: number, y: number, length: number, angle: number, colour: string): string {
  const fill = linear(
    ctx,
    [
      [0, '#ff8a6a'],
      [0.4, colour],
      [1, '#8f1a12'],
    ],
    0,
    0,
    0,
    1,
  )
  const L = length
  const t = L * 0.085
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="M0 ${n(-t)}C${n(L * 0.35)} ${n(-t * 1.4)} ${n(L * 0.75)} ${n(-t * 0.5)} ${n(L)} ${n(t * 1.6)}C${n(L * 0.7)} ${n(t * 0.7)} ${n(L * 0.35)} ${n(t * 1.1)} 0 ${n(t)}Z" fill="${fill}"/><path d="M2 ${n(-t * 0.6)}c-18 -4 -26 4 -28 18" stroke="#4f7a2c" stroke-width="${n(t * 0.55)}" fill="none" stroke-linecap="round"/><path d="M${n(L * 0.15)} -8C${n(L * 0.4)} -12 ${n(L * 0.6)} -6 ${n(L * 0.8)} 6" stroke="#ffffff" stroke-width="4" opacity="0.35" fill="none" stroke-linecap="round"/></g>`
}

const spices: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fbf3e8', '#f1dfc6'], glow: '#fffaf2', a: '#9a4a22', b: '#5e2a14', c: '#d63a22', d: '#e7c9a0' },
    { bg: ['#f6f1e6', '#e8dcc6'], glow: '#fffdf6', a: '#8a4420', b: '#4e2612', c: '#c8321e', d: '#d9c29c' },
    { bg: ['#fdf0e6', '#f6d8c6'], glow: '#fff8f2', a: '#a5532a', b: '#642d16', c: '#e04a2a', d: '#f0c8a8' },
    { bg: ['#f3f2e6', '#e2e0c6'], glow: '#ffffff', a: '#91502a', b: '#552a16', c: '#cf3f24', d: '#d7d2a6' },
    { bg: ['#f9efe4', '#ecd6bd'], glow: '#fffaf4', a: '#a04c26', b: '#5a2814', c: '#db4026', d: '#e6c09a' },
    { bg: ['#f7f3ec', '#ebe2d2'], glow: '#ffffff', a: '#8f4622', b: '#4c2412', c: '#c93620', d: '#dccab0' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 340)
  const anise = linear(ctx, [
    [0, p.a],
    [1, p.b],
  ])
  const cx = between(r, 420, 540)
  const cy = between(r, 340, 400)
  out += shadow(ctx, cx, cy + 200, 360, 50, 0.2)
  const dish = radial(ctx, [
    [0, '#ffffff'],
    [0.8, p.d],
    [1, p.a, 0.5],
  ])
  out += `<ellipse cx="${n(cx)}" cy="${n(cy + 40)}" rx="350" ry="190" fill="${dish}"/><ellipse cx="${n(cx)}" cy="${n(cy + 30)}" rx="295" ry="150" fill="none" stroke="${p.a}" stroke-opacity="0.25" stroke-width="5"/>`
  out += dots(r, 90, [cx - 240, cy - 50, cx + 240, cy + 130], [7, 11], p.b, 0.95)
  out += starAnise(ctx, cx - 90, cy + 10, 130, between(r, 0, 45), anise, p.b)
  out += starAnise(ctx, cx + 150, cy + 60, 95, between(r, 0, 45), anise, p.b)
  out += chili(ctx, cx + 200, cy + 230, 330, between(r, -200, -165), p.c)
  out += chili(ctx, cx - 380, cy + 250, 300, between(r, -30, -12), p.c)
  out += starAnise(ctx, between(r, 130, 200), between(r, 110, 160), 70, between(r, 0, 45), anise, p.b)
  out += dots(r, 14, [560, 560, 900, 690], [7, 10], p.b, 0.9)
  return out
}

function fruit(
  ctx: Ctx,
  x: number,
  y: number,
  radius: number,
  kind: number,
  colours: [string, string],
  leafColour: string,
): string {
  const fill = radial(
    ctx,
    [
      [0, colours[0]],
      [1, colours[1]],
    ],
    0.38,
    0.32,
    0.75,
  )
  const leafFill = leafGradient(ctx, '#b8dc8c', leafColour)
  if (kind === 1) {
    // dragon fruit: pink body with green-tipped scales
    let scales = ''
    for (let i = 0; i < 9; i++) {
      const a = (i / 9) * Math.PI * 2
      scales += `<path d="M${n(x + Math.cos(a) * radius * 0.7)} ${n(y + Math.sin(a) * radius * 0.8)}q${n(Math.cos(a) * radius * 0.35)} ${n(Math.sin(a) * radius * 0.2 - 30)} ${n(Math.cos(a) * radius * 0.55)} ${n(Math.sin(a) * radius * 0.35 - 10)}" stroke="#8cc04a" stroke-width="14" fill="none" stroke-linecap="round"/>`
    }
    return `${shadow(ctx, x, y + radius * 0.95, radius, 18)}<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(radius * 0.85)}" ry="${n(radius)}" fill="${fill}"/>${scales}`
  }
  let texture = ''
  if (kind === 3)
    texture = dots(
      mulberry32(Math.round(x * 7 + y)),
      26,
      [x - radius * 0.6, y - radius * 0.6, x + radius * 0.6, y + radius * 0.6],
      [3, 5],
      '#ffffff',
      0.25,
    )
  return `${shadow(ctx, x, y + radius * 0.92, radius * 1.05, 16)}<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius)}" fill="${fill}"/>${texture}<ellipse cx="${n(x - radius * 0.35)}" cy="${n(y - radius * 0.4)}" rx="${n(radius * 0.22)}" ry="${n(radius * 0.12)}" fill="#ffffff" opacity="0.4" transform="rotate(-30 ${n(x - radius * 0.35)} ${n(y - radius * 0.4)})"/><path d="M${n(x)} ${n(y - radius * 0.95)}q4 -22 -6 -34" stroke="#6b4a2a" stroke-width="7" fill="none" stroke-linecap="round"/>${leaf(x + 2, y - radius * 0.98, radius * 0.8, radius * 0.26, -30, leafFill, '#eaf6d8')}`
}

const produce: Design = (ctx) => {
  const sets: { bg: [string, string]; fruit: [string, string]; kind: number }[] = [
    { bg: ['#fdf5e6', '#f6e0c0'], fruit: ['#ffc46a', '#ec7a1c'], kind: 0 },
    { bg: ['#fdf0f2', '#f6d8df'], fruit: ['#ff8fb5', '#d8306e'], kind: 1 },
    { bg: ['#f5f7e6', '#e4ebc6'], fruit: ['#d9ec8a', '#7fae2e'], kind: 0 },
    { bg: ['#fbf0ee', '#f2d6cf'], fruit: ['#ff8a7a', '#c22a2e'], kind: 3 },
    { bg: ['#fef8e4', '#f9e7b0'], fruit: ['#ffe27a', '#f0a91c'], kind: 0 },
    { bg: ['#f4f3ea', '#e3e4cf'], fruit: ['#ff9ec0', '#c92a66'], kind: 1 },
  ]
  const set = sets[ctx.variant % sets.length]
  const { r } = ctx
  let out = backdrop(ctx, set.bg[0], set.bg[1], '#ffffff', 480, 300)
  out += `<path d="M0 560Q480 500 960 560L960 720L0 720Z" fill="${set.fruit[1]}" opacity="0.12"/>`
  out += leaf(180, 600, 360, 70, -60, leafGradient(ctx, '#cfe7a8', '#5f9a3a'), '#f0f8e4')
  out += leaf(760, 620, 330, 64, -125, leafGradient(ctx, '#cfe7a8', '#5f9a3a'), '#f0f8e4')
  const placements: [number, number, number][] =
    set.kind === 1
      ? [
          [380, 400, 150],
          [600, 440, 130],
          [760, 520, 80],
        ]
      : [
          [320, 470, 120],
          [520, 400, 140],
          [700, 480, 110],
          [450, 560, 80],
          [600, 590, 70],
        ]
  for (const [x, y, radius] of placements) {
    const shade: [string, string] = r() < 0.3 && set.kind !== 1 ? [set.fruit[0], set.fruit[0]] : set.fruit
    out += fruit(ctx, x + between(r, -20, 20), y + between(r, -15, 15), radius, set.kind, shade, '#4f8a34')
  }
  return out
}

function citrusSlice(ctx: Ctx, x: number, y: number, radius: number, flesh: string, rind: string): string {
  let segments = ''
  for (let i = 0; i < 10; i++) {
    segments += `<path d="M0 0L${n(Math.cos((i / 10) * Math.PI * 2 + 0.08) * radius * 0.78)} ${n(Math.sin((i / 10) * Math.PI * 2 + 0.08) * radius * 0.78)}A${n(radius * 0.78)} ${n(radius * 0.78)} 0 0 1 ${n(Math.cos(((i + 1) / 10) * Math.PI * 2 - 0.08) * radius * 0.78)} ${n(Math.sin(((i + 1) / 10) * Math.PI * 2 - 0.08) * radius * 0.78)}Z" fill="${flesh}"/>`
  }
  return `<g transform="translate(${n(x)} ${n(y)})">${shadow(ctx, 0, radius * 0.9, radius, 12, 0.15)}<circle r="${n(radius)}" fill="${rind}"/><circle r="${n(radius * 0.88)}" fill="#fffaf0"/>${segments}</g>`
}

function glassJar(
  ctx: Ctx,
  x: number,
  baseY: number,
  width: number,
  height: number,
  content: string,
  lid: string,
  pieces: string,
): string {
  const w = width / 2
  const d = `M${n(x - w)} ${n(baseY - height + 30)}Q${n(x - w)} ${n(baseY - height + 10)} ${n(x - w + 20)} ${n(baseY - height + 10)}L${n(x + w - 20)} ${n(baseY - height + 10)}Q${n(x + w)} ${n(baseY - height + 10)} ${n(x + w)} ${n(baseY - height + 30)}L${n(x + w)} ${n(baseY - 24)}Q${n(x + w)} ${n(baseY)} ${n(x + w - 24)} ${n(baseY)}L${n(x - w + 24)} ${n(baseY)}Q${n(x - w)} ${n(baseY)} ${n(x - w)} ${n(baseY - 24)}Z`
  const inside = clip(ctx, `<path d="${d}"/>`)
  let fillPieces = ''
  const rr = mulberry32(Math.round(x + height))
  for (let i = 0; i < 16; i++) {
    fillPieces += `<circle cx="${n(x - w + rr() * width)}" cy="${n(baseY - rr() * height * 0.7)}" r="${n(between(rr, 18, 30))}" fill="${pieces}" opacity="0.8"/>`
  }
  return `${shadow(ctx, x, baseY, w * 1.3, 18)}<path d="${d}" fill="#ffffff" fill-opacity="0.45"/><g clip-path="${inside}"><rect x="${n(x - w)}" y="${n(baseY - height * 0.75)}" width="${n(width)}" height="${n(height * 0.75)}" fill="${content}"/>${fillPieces}<rect x="${n(x - w * 0.7)}" y="${n(baseY - height)}" width="${n(w * 0.18)}" height="${n(height)}" rx="8" fill="#ffffff" opacity="0.4"/></g><path d="${d}" fill="none" stroke="#ffffff" stroke-width="4" stroke-opacity="0.7"/><rect x="${n(x - w - 8)}" y="${n(baseY - height - 36)}" width="${n(width + 16)}" height="50" rx="12" fill="${lid}"/><rect x="${n(x - w - 8)}" y="${n(baseY - height - 36)}" width="${n(width + 16)}" height="14" rx="7" fill="#ffffff" opacity="0.25"/>`
}

const preserves: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fdf4e4', '#f6dfbd'], glow: '#fffaf0', a: '#f7a53a', b: '#e0762a', c: '#c2442a', d: '#ffd37a' },
    { bg: ['#f6f4e4', '#e7e6c0'], glow: '#ffffff', a: '#c4d65a', b: '#8eaa2e', c: '#5f7a2a', d: '#e6f08a' },
    { bg: ['#fcefee', '#f3d5d2'], glow: '#fff8f8', a: '#f07a7a', b: '#c8384a', c: '#8a2a3a', d: '#ffb0a8' },
    { bg: ['#fdf6e6', '#f7e4b8'], glow: '#fffbf0', a: '#f6c544', b: '#e09a1a', c: '#a86a1a', d: '#ffe08a' },
    { bg: ['#f3f1ea', '#e3ddd0'], glow: '#ffffff', a: '#d99a5a', b: '#a8602a', c: '#6e3a1e', d: '#f2c898' },
    { bg: ['#fff2e6', '#fad8bc'], glow: '#fffaf4', a: '#ff9f4a', b: '#e8641e', c: '#b8401a', d: '#ffc88a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 520, 280)
  out += `<rect x="0" y="600" width="${W}" height="120" fill="${p.c}" opacity="0.1"/>`
  const content = linear(ctx, [
    [0, p.a, 0.9],
    [1, p.b],
  ])
  out += glassJar(ctx, 560, 620, 250, 330, content, p.c, p.d)
  out += glassJar(
    ctx,
    760,
    640,
    160,
    210,
    linear(ctx, [
      [0, p.d, 0.9],
      [1, p.a],
    ]),
    p.b,
    p.a,
  )
  out += citrusSlice(ctx, 260, 560, 110, p.a, p.b)
  out += citrusSlice(ctx, 360, 650, 70, p.d, p.a)
  out += leaf(140, 420, 200, 50, -40, leafGradient(ctx, '#cfe7a8', '#5f9a3a'), '#f0f8e4')
  out += dots(r, 8, [80, 80, 400, 360], [6, 12], p.a, 0.35)
  return out
}

function fish(
  ctx: Ctx,
  x: number,
  y: number,
  length: number,
  angle: number,
  body: string,
  fin: string,
  flip = false,
): string {
  const L = length
  const h = L * 0.26
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)}) scale(${flip ? -1 : 1} 1)"><path d="M${n(-L * 0.38)} 0L${n(-L * 0.56)} ${n(-h * 0.8)}Q${n(-L * 0.5)} 0 ${n(-L * 0.56)} ${n(h * 0.8)}Z" fill="${fin}"/><path d="M${n(-L * 0.1)} ${n(-h * 0.8)}Q${n(L * 0.05)} ${n(-h * 1.5)} ${n(L * 0.16)} ${n(-h * 0.85)}Z" fill="${fin}"/><path d="M${n(L * 0.44)} 0C${n(L * 0.3)} ${n(-h * 1.2)} ${n(-L * 0.2)} ${n(-h * 1.1)} ${n(-L * 0.42)} 0C${n(-L * 0.2)} ${n(h * 1.1)} ${n(L * 0.3)} ${n(h * 1.2)} ${n(L * 0.44)} 0Z" fill="${body}"/><path d="M${n(L * 0.2)} ${n(-h * 0.7)}Q${n(L * 0.12)} 0 ${n(L * 0.2)} ${n(h * 0.7)}" stroke="${fin}" stroke-width="${n(L * 0.015)}" fill="none" opacity="0.7"/><circle cx="${n(L * 0.3)}" cy="${n(-h * 0.18)}" r="${n(L * 0.03)}" fill="#1f2a33"/><circle cx="${n(L * 0.305)}" cy="${n(-h * 0.22)}" r="${n(L * 0.01)}" fill="#ffffff"/></g>`
}

const freshSeafood: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#e9f5f6', '#cfe7ea'], glow: '#ffffff', a: '#7fb8c4', b: '#3f7f96', c: '#f29a6a', d: '#2d5f74' },
    { bg: ['#eef3f8', '#d6e2ee'], glow: '#ffffff', a: '#8fb0d0', b: '#4a73a0', c: '#f2b45a', d: '#2e4f78' },
    { bg: ['#eaf6f0', '#d0ebdf'], glow: '#ffffff', a: '#86c4aa', b: '#3d8f74', c: '#f08a70', d: '#2a6652' },
    { bg: ['#f2f4f6', '#dde3ea'], glow: '#ffffff', a: '#9fb4c4', b: '#587890', c: '#e8a06a', d: '#3a5468' },
    { bg: ['#e8f2f8', '#cde2f0'], glow: '#ffffff', a: '#7fb0d6', b: '#3a78a8', c: '#f6c06a', d: '#24547e' },
    { bg: ['#eef6f4', '#d6e9e4'], glow: '#ffffff', a: '#92c2b8', b: '#4a8a80', c: '#f4a07a', d: '#2f625a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 520, 240)
  for (let i = 0; i < 5; i++) {
    const base = 250 + i * 110
    const points: Point[] = []
    const phase = between(r, 0, 6)
    for (let k = 0; k <= 8; k++) points.push([-60 + k * 135, base + Math.sin(phase + k * 1.1) * 18])
    out += `<path d="${smoothPath(points)}" stroke="${p.a}" stroke-width="${8 + i * 2}" fill="none" opacity="${n(0.25 + i * 0.06)}" stroke-linecap="round"/>`
  }
  const body = linear(ctx, [
    [0, '#ffffff'],
    [0.4, p.a],
    [1, p.b],
  ])
  const accent = linear(ctx, [
    [0, '#ffe0c8'],
    [1, p.c],
  ])
  const school: [number, number, number, number][] = [
    [560, 330, 330, -8],
    [330, 470, 240, 6],
    [720, 520, 200, -4],
    [250, 240, 150, 10],
  ]
  school.forEach(([x, y, length, angle], i) => {
    out += fish(
      ctx,
      x + between(r, -20, 20),
      y + between(r, -20, 20),
      length,
      angle,
      i === 2 ? accent : body,
      p.d,
      false,
    )
  })
  for (let i = 0; i < 9; i++) {
    const x = between(r, 640, 900)
    const y = between(r, 80, 300)
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(between(r, 6, 16))}" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.8"/>`
  }
  out += shadow(ctx, 480, 690, 420, 30, 0.12, p.d)
  return out
}

const driedSeafood: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fbf2e4', '#f1dcbc'], glow: '#fffaf0', a: '#d9b27a', b: '#a67a44', c: '#e9a25a', d: '#7a4e24' },
    { bg: ['#f6f1e8', '#e6dccb'], glow: '#ffffff', a: '#cfae7e', b: '#9a7a4e', c: '#d98a4a', d: '#6a4a2a' },
    { bg: ['#fcefe6', '#f3d6c2'], glow: '#fff8f2', a: '#ddb086', b: '#a8704a', c: '#f08a5a', d: '#7a3e22' },
    { bg: ['#f4f2e6', '#e4e0c8'], glow: '#ffffff', a: '#d2bb86', b: '#9e8650', c: '#e0a84a', d: '#6a5a2a' },
    { bg: ['#fbf0e8', '#efd8c8'], glow: '#fffaf6', a: '#d7a982', b: '#a0724c', c: '#e89470', d: '#6e442a' },
    { bg: ['#f8f3e6', '#ece0c2'], glow: '#ffffff', a: '#dcbc84', b: '#a88a4c', c: '#eab064', d: '#745826' },
  ])
  const { r } = ctx
  const cx = between(r, 460, 520)
  const cy = 380
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, cx, cy)
  out += shadow(ctx, cx, cy + 40, 360, 300, 0.2)
  // a round woven bamboo tray (nia), where fish and shrimp are sun-dried
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="300" fill="${linear(ctx, [
    [0, p.a],
    [1, p.b],
  ])}"/>`
  let weave = ''
  for (let i = 1; i <= 9; i++)
    weave += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${i * 31}" fill="none" stroke="${p.d}" stroke-width="3" opacity="0.22"/>`
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * Math.PI * 2
    weave += `<path d="M${n(cx)} ${n(cy)}L${n(cx + Math.cos(a) * 290)} ${n(cy + Math.sin(a) * 290)}" stroke="${p.d}" stroke-width="2" opacity="0.15"/>`
  }
  out += `${weave}<circle cx="${n(cx)}" cy="${n(cy)}" r="296" fill="none" stroke="${p.d}" stroke-width="14" opacity="0.55"/>`
  const fishFill = linear(ctx, [
    [0, '#fff2da'],
    [0.5, p.c],
    [1, p.d],
  ])
  const count = 6 + (ctx.variant % 3)
  const offset = between(r, 0, Math.PI)
  for (let i = 0; i < count; i++) {
    const a = offset + (i / count) * Math.PI * 2
    const x = cx + Math.cos(a) * 160
    const y = cy + Math.sin(a) * 160
    out += fish(ctx, x, y, 190, (a * 180) / Math.PI + 180, fishFill, p.d)
  }
  out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="46" fill="${p.c}" opacity="0.25"/>`
  out += chili(ctx, 790, 640, 170, -160, '#d63a22')
  return out
}

function bowl(
  ctx: Ctx,
  x: number,
  rimY: number,
  width: number,
  depth: number,
  glaze: string,
  pattern: string,
  content: string,
): string {
  const w = width / 2
  const body = linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, glaze],
    ],
    0,
    0,
    1,
    0,
  )
  return `${shadow(ctx, x, rimY + depth + 6, w * 0.9, 20)}<path d="M${n(x - w * 0.32)} ${n(rimY + depth - 6)}L${n(x - w * 0.36)} ${n(rimY + depth + 10)}L${n(x + w * 0.36)} ${n(rimY + depth + 10)}L${n(x + w * 0.32)} ${n(rimY + depth - 6)}Z" fill="${glaze}"/><path d="M${n(x - w)} ${n(rimY)}C${n(x - w)} ${n(rimY + depth * 1.2)} ${n(x + w)} ${n(rimY + depth * 1.2)} ${n(x + w)} ${n(rimY)}Z" fill="${body}"/><path d="M${n(x - w * 0.86)} ${n(rimY + depth * 0.35)}Q${n(x)} ${n(rimY + depth * 0.62)} ${n(x + w * 0.86)} ${n(rimY + depth * 0.35)}" stroke="${pattern}" stroke-width="8" fill="none"/><ellipse cx="${n(x)}" cy="${n(rimY)}" rx="${n(w)}" ry="${n(depth * 0.2)}" fill="${glaze}"/><ellipse cx="${n(x)}" cy="${n(rimY + 2)}" rx="${n(w * 0.94)}" ry="${n(depth * 0.16)}" fill="${content}"/>`
}

const riceDishes: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fbf4e8', '#f0e0c8'], glow: '#fffaf2', a: '#f4ead6', b: '#2f5f9a', c: '#d9a86a', d: '#7a9a4a' },
    { bg: ['#f3f4ec', '#e0e4d2'], glow: '#ffffff', a: '#f1ecdc', b: '#3a7a6a', c: '#c99a5a', d: '#6a8a3a' },
    { bg: ['#fcf0e8', '#f2d8c8'], glow: '#fff8f4', a: '#f6e8da', b: '#b0443a', c: '#d8a070', d: '#78923e' },
    { bg: ['#f2f0ea', '#e0dbd0'], glow: '#ffffff', a: '#f3eee4', b: '#4a5a8a', c: '#caa27a', d: '#6e8c4a' },
    { bg: ['#fdf6e4', '#f6e4b8'], glow: '#fffbf0', a: '#f8eed6', b: '#2a6a8a', c: '#e0a85a', d: '#8aa040' },
    { bg: ['#f6efe9', '#e8dbd0'], glow: '#ffffff', a: '#f4ece4', b: '#8a4a6a', c: '#d4a07a', d: '#6a8a5a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 300)
  // a rice paper round drying on a bamboo rack behind the bowl
  const paperX = between(r, 230, 300)
  const paperR = 210
  const paperY = 250
  const paperClip = clip(ctx, `<circle cx="${n(paperX)}" cy="${paperY}" r="${paperR}"/>`)
  let lattice = ''
  for (let k = -paperR * 2; k <= paperR * 2; k += 38) {
    lattice += `<path d="M${n(paperX + k - paperR)} ${paperY - paperR}l${paperR * 2} ${paperR * 2}M${n(paperX + k + paperR)} ${paperY - paperR}l${-paperR * 2} ${paperR * 2}" stroke="${p.c}" stroke-width="2.5" opacity="0.3"/>`
  }
  out += `<circle cx="${n(paperX)}" cy="${paperY}" r="${paperR}" fill="#fffaf0" opacity="0.8"/><g clip-path="${paperClip}">${lattice}</g><circle cx="${n(paperX)}" cy="${paperY}" r="${paperR}" fill="none" stroke="${p.c}" stroke-width="5" opacity="0.3"/>`
  const x = between(r, 520, 560)
  const rimY = 430
  const noodles = linear(ctx, [
    [0, '#fffbf0'],
    [1, '#f0e2c4'],
  ])
  out += bowl(ctx, x, rimY, 560, 240, p.a, p.b, noodles)
  let strands = ''
  for (let i = 0; i < 9; i++) {
    const y = rimY - 16 + i * 4
    strands += `<path d="M${n(x - 220 + (i % 3) * 14)} ${y}q36 -20 72 0t72 0t72 0t72 0t72 0" stroke="#e4d0a8" stroke-width="3.5" fill="none"/>`
  }
  out += strands
  const herb = leafGradient(ctx, '#b8e08c', p.d)
  out +=
    leaf(x + 70, rimY - 14, 90, 26, -20, herb) +
    leaf(x + 60, rimY - 8, 80, 24, -150, herb) +
    leaf(x - 150, rimY - 10, 70, 20, -60, herb)
  out += `<circle cx="${n(x - 90)}" cy="${rimY - 10}" r="16" fill="#e05a3a" opacity="0.85"/><circle cx="${n(x - 50)}" cy="${rimY - 4}" r="12" fill="#e05a3a" opacity="0.7"/>`
  out += `<rect x="${n(x + 300)}" y="${rimY - 90}" width="16" height="480" rx="8" fill="${p.c}" transform="rotate(79 ${n(x + 300)} ${rimY - 90})"/><rect x="${n(x + 310)}" y="${rimY - 62}" width="16" height="480" rx="8" fill="${p.c}" transform="rotate(82 ${n(x + 310)} ${rimY - 62})"/>`
  out +=
    steam(x - 90, rimY - 40, 170, '#ffffff') +
    steam(x + 10, rimY - 50, 200, '#ffffff') +
    steam(x + 110, rimY - 40, 150, '#ffffff')
  return out
}

function banhChung(
  ctx: Ctx,
  x: number,
  y: number,
  size: number,
  angle: number,
  leafColour: string,
  string: string,
): string {
  const fill = linear(
    ctx,
    [
      [0, '#9ccc6a'],
      [1, leafColour],
    ],
    0,
    0,
    1,
    1,
  )
  const s = size / 2
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})">${shadow(ctx, 0, s + 8, s * 1.2, 16)}<rect x="${n(-s)}" y="${n(-s)}" width="${n(size)}" height="${n(size)}" rx="14" fill="${fill}"/><rect x="${n(-s * 0.8)}" y="${n(-s * 0.8)}" width="${n(size * 0.8)}" height="${n(size * 0.8)}" rx="10" fill="none" stroke="#ffffff" stroke-opacity="0.25" stroke-width="3"/><path d="M${n(-s * 0.3)} ${n(-s)}V${n(s)}M${n(s * 0.3)} ${n(-s)}V${n(s)}M${n(-s)} ${n(-s * 0.3)}H${n(s)}M${n(-s)} ${n(s * 0.3)}H${n(s)}" stroke="${string}" stroke-width="7"/></g>`
}

function cracker(ctx: Ctx, x: number, y: number, radius: number, colour: string, seed: string): string {
  const fill = radial(ctx, [
    [0, '#fff2d2'],
    [0.85, colour],
    [1, '#c98a3a'],
  ])
  return `${shadow(ctx, x + 6, y + 12, radius, radius * 0.9, 0.16)}<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius)}" fill="${fill}"/>${dots(mulberry32(Math.round(x * 13 + y)), 40, [x - radius * 0.62, y - radius * 0.62, x + radius * 0.62, y + radius * 0.62], [2.5, 4.5], seed, 0.85)}`
}

const snacks: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fdf3e2', '#f5ddb8'], glow: '#fffaf0', a: '#f0c27a', b: '#3f7a36', c: '#5a3a22', d: '#e86a3a' },
    { bg: ['#f4f4e6', '#e4e6c8'], glow: '#ffffff', a: '#ecc47e', b: '#4a8a3a', c: '#3a2a1a', d: '#e0a03a' },
    { bg: ['#fdefe6', '#f6d6c4'], glow: '#fffaf6', a: '#f2b87a', b: '#3a7040', c: '#6a3a20', d: '#d8504a' },
    { bg: ['#f5f1e8', '#e6dccb'], glow: '#ffffff', a: '#e8c48a', b: '#4f8040', c: '#4a3222', d: '#c8a040' },
    { bg: ['#fef6e2', '#f9e4b0'], glow: '#fffbf0', a: '#f4ca72', b: '#3c7a3c', c: '#5c3a1c', d: '#f08a3a' },
    { bg: ['#f2f2ea', '#e0e0d0'], glow: '#ffffff', a: '#eac088', b: '#457a44', c: '#40281a', d: '#d86a4a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 320)
  out += `<circle cx="480" cy="360" r="250" fill="${p.a}" opacity="0.18"/>`
  if (ctx.variant % 3 === 2) {
    out += banhChung(ctx, 360, 400, 240, between(r, -8, 8), p.b, '#f6e7c8')
    out += banhChung(ctx, 620, 470, 180, between(r, 6, 16), p.b, '#f6e7c8')
    out += cracker(ctx, 740, 250, 90, p.a, p.c)
  } else {
    out += cracker(ctx, 380, 330, 170, p.a, p.c)
    out += cracker(ctx, 600, 420, 150, p.a, '#fff6e0')
    out += cracker(ctx, 420, 560, 100, p.a, p.c)
    out += banhChung(ctx, 760, 560, 130, between(r, -10, 10), p.b, '#f6e7c8')
  }
  out += dots(r, 12, [80, 80, 900, 680], [3, 5], p.c, 0.4)
  return out
}

function teapot(ctx: Ctx, x: number, baseY: number, size: number, glaze: string, accent: string): string {
  const s = size
  const fill = radial(
    ctx,
    [
      [0, '#ffffff', 0.9],
      [0.35, glaze],
      [1, accent],
    ],
    0.35,
    0.3,
    0.8,
  )
  const top = baseY - s * 0.8
  return `${shadow(ctx, x, baseY, s * 0.75, 20)}<path d="M${n(x + s * 0.42)} ${n(baseY - s * 0.35)}C${n(x + s * 0.7)} ${n(baseY - s * 0.4)} ${n(x + s * 0.72)} ${n(baseY - s * 0.72)} ${n(x + s * 0.9)} ${n(baseY - s * 0.78)}L${n(x + s * 0.94)} ${n(baseY - s * 0.7)}C${n(x + s * 0.78)} ${n(baseY - s * 0.55)} ${n(x + s * 0.72)} ${n(baseY - s * 0.2)} ${n(x + s * 0.4)} ${n(baseY - s * 0.16)}Z" fill="${glaze}"/><path d="M${n(x - s * 0.42)} ${n(baseY - s * 0.6)}C${n(x - s * 0.8)} ${n(baseY - s * 0.62)} ${n(x - s * 0.8)} ${n(baseY - s * 0.2)} ${n(x - s * 0.4)} ${n(baseY - s * 0.24)}" stroke="${accent}" stroke-width="${n(s * 0.07)}" fill="none" stroke-linecap="round"/><ellipse cx="${n(x)}" cy="${n(baseY - s * 0.38)}" rx="${n(s * 0.5)}" ry="${n(s * 0.42)}" fill="${fill}"/><ellipse cx="${n(x)}" cy="${n(top + s * 0.06)}" rx="${n(s * 0.26)}" ry="${n(s * 0.06)}" fill="${accent}"/><path d="M${n(x - s * 0.22)} ${n(top + s * 0.04)}Q${n(x)} ${n(top - s * 0.12)} ${n(x + s * 0.22)} ${n(top + s * 0.04)}Z" fill="${glaze}"/><circle cx="${n(x)}" cy="${n(top - s * 0.08)}" r="${n(s * 0.05)}" fill="${accent}"/><path d="M${n(x - s * 0.46)} ${n(baseY - s * 0.36)}Q${n(x)} ${n(baseY - s * 0.26)} ${n(x + s * 0.46)} ${n(baseY - s * 0.36)}" stroke="#ffffff" stroke-width="${n(s * 0.02)}" fill="none" opacity="0.6"/>`
}

function teaCup(ctx: Ctx, x: number, baseY: number, size: number, glaze: string, accent: string, tea: string): string {
  const s = size
  const fill = linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, glaze],
    ],
    0,
    0,
    1,
    0,
  )
  return `${shadow(ctx, x, baseY, s * 0.7, 12)}<path d="M${n(x - s * 0.5)} ${n(baseY - s * 0.7)}L${n(x + s * 0.5)} ${n(baseY - s * 0.7)}C${n(x + s * 0.48)} ${n(baseY - s * 0.2)} ${n(x + s * 0.3)} ${n(baseY)} ${n(x)} ${n(baseY)}C${n(x - s * 0.3)} ${n(baseY)} ${n(x - s * 0.48)} ${n(baseY - s * 0.2)} ${n(x - s * 0.5)} ${n(baseY - s * 0.7)}Z" fill="${fill}"/><ellipse cx="${n(x)}" cy="${n(baseY - s * 0.7)}" rx="${n(s * 0.5)}" ry="${n(s * 0.1)}" fill="${accent}"/><ellipse cx="${n(x)}" cy="${n(baseY - s * 0.69)}" rx="${n(s * 0.44)}" ry="${n(s * 0.075)}" fill="${tea}"/>`
}

const herbalTea: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f1f5e8', '#dfe8cc'], glow: '#ffffff', a: '#9cbf7a', b: '#5a8a4a', c: '#f4c64a', d: '#d9a23a' },
    { bg: ['#f6f0f4', '#e8dbe6'], glow: '#ffffff', a: '#b8a0c8', b: '#7a5a9a', c: '#f2d06a', d: '#c8a2d8' },
    { bg: ['#fbf3e6', '#f1e0c4'], glow: '#fffaf2', a: '#d8b67a', b: '#9a7040', c: '#f6c040', d: '#e89a3a' },
    { bg: ['#eef5f2', '#d8e8e0'], glow: '#ffffff', a: '#8ec4ac', b: '#4a8a70', c: '#f6d070', d: '#e8b04a' },
    { bg: ['#fcf2ee', '#f2dcd4'], glow: '#fff9f6', a: '#e0a89a', b: '#b0604e', c: '#f7cf5a', d: '#e69a7a' },
    { bg: ['#f3f3e6', '#e3e3c8'], glow: '#ffffff', a: '#b4c07a', b: '#6e7e3a', c: '#f4d15a', d: '#d8b040' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 500, 300)
  out += `<path d="M0 590Q480 540 960 590V720H0Z" fill="${p.b}" opacity="0.12"/>`
  out += teapot(ctx, 480, 600, 300, p.a, p.b)
  out += teaCup(ctx, 760, 620, 130, p.a, p.b, p.d)
  out += steam(760, 520, 110, '#ffffff')
  const leafFill = leafGradient(ctx, '#d0e8a8', '#5a8a3a')
  const sx = between(r, 140, 200)
  out += `<path d="M${n(sx)} 660C${n(sx + 20)} 560 ${n(sx - 10)} 420 ${n(sx + 40)} 300" stroke="#5a7a3a" stroke-width="6" fill="none"/>`
  for (let i = 0; i < 5; i++) {
    const y = 620 - i * 70
    out += leaf(sx + 10 + i * 4, y, 110 - i * 10, 30, i % 2 === 0 ? -150 : -30, leafFill, '#f0f8e4')
  }
  for (let i = 0; i < 4; i++) {
    out += flower(between(r, 140, 330), between(r, 140, 360), between(r, 26, 40), 12, p.c, p.d, between(r, 0, 40))
  }
  return out
}

function smallCup(ctx: Ctx, x: number, baseY: number, size: number, glaze: string, rim: string): string {
  const fill = linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, glaze],
    ],
    0,
    0,
    1,
    0,
  )
  const s = size
  return `${shadow(ctx, x, baseY, s * 0.7, 10)}<path d="M${n(x - s * 0.5)} ${n(baseY - s * 0.6)}L${n(x + s * 0.5)} ${n(baseY - s * 0.6)}L${n(x + s * 0.3)} ${n(baseY)}L${n(x - s * 0.3)} ${n(baseY)}Z" fill="${fill}"/><ellipse cx="${n(x)}" cy="${n(baseY - s * 0.6)}" rx="${n(s * 0.5)}" ry="${n(s * 0.1)}" fill="${rim}"/><path d="M${n(x - s * 0.42)} ${n(baseY - s * 0.36)}L${n(x + s * 0.42)} ${n(baseY - s * 0.36)}" stroke="${rim}" stroke-width="${n(s * 0.05)}" opacity="0.7"/>`
}

const riceSpirit: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f2f0ea', '#e0dbcf'], glow: '#ffffff', a: '#a8683e', b: '#6e3e22', c: '#e9f2f4', d: '#3d6f8e' },
    { bg: ['#eef2f2', '#d8e2e2'], glow: '#ffffff', a: '#9a6a48', b: '#5e3a24', c: '#eef6f8', d: '#2f5e7a' },
    { bg: ['#f7efe4', '#ead8c0'], glow: '#fffaf2', a: '#b5703a', b: '#77401e', c: '#f4f4ee', d: '#8a4a2a' },
    { bg: ['#f0f0f4', '#dcdce6'], glow: '#ffffff', a: '#8c6a52', b: '#54382a', c: '#eef2f8', d: '#44508a' },
    { bg: ['#f4f1e4', '#e4dec4'], glow: '#ffffff', a: '#a8783a', b: '#6a4a1e', c: '#f6f4ea', d: '#5a7a3a' },
    { bg: ['#f6eeee', '#e8d8d6'], glow: '#ffffff', a: '#a0604a', b: '#643628', c: '#f6f2f2', d: '#7a3a3a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 260)
  out += `<rect y="600" width="${W}" height="120" fill="${p.b}" opacity="0.1"/>`
  out += hill(hillPoints(r, 470, 40, 3), p.d, 0.13)
  const jarBody = linear(
    ctx,
    [
      [0, p.a],
      [1, p.b],
    ],
    0,
    0,
    1,
    0,
  )
  out += jar(ctx, 330, 630, 300, 340, jarBody, p.b, p.d)
  out += bottle(ctx, {
    x: 590,
    baseY: 640,
    width: 140,
    height: 420,
    neckWidth: 40,
    glass: '#e8f4f8',
    liquid: p.c,
    level: 0.92,
    cap: p.d,
    label: '#ffffff',
    shoulder: 0.3,
  })
  out += smallCup(ctx, 730, 650, 80, p.c, p.d) + smallCup(ctx, 830, 640, 70, p.c, p.d)
  out += dots(r, 9, [60, 60, 900, 280], [3, 6], '#ffffff', 0.8)
  return out
}

function wineGlass(ctx: Ctx, x: number, baseY: number, size: number, wine: string): string {
  const s = size
  const bowlTop = baseY - s * 1.6
  const bowlBottom = baseY - s * 0.8
  const glass = linear(
    ctx,
    [
      [0, '#ffffff', 0.6],
      [1, '#ffffff', 0.25],
    ],
    0,
    0,
    1,
    0,
  )
  return `${shadow(ctx, x, baseY, s * 0.5, 8)}<path d="M${n(x - s * 0.4)} ${n(bowlTop)}C${n(x - s * 0.45)} ${n(bowlBottom - s * 0.1)} ${n(x - s * 0.2)} ${n(bowlBottom)} ${n(x)} ${n(bowlBottom)}C${n(x + s * 0.2)} ${n(bowlBottom)} ${n(x + s * 0.45)} ${n(bowlBottom - s * 0.1)} ${n(x + s * 0.4)} ${n(bowlTop)}Z" fill="${glass}" stroke="#ffffff" stroke-width="3"/><path d="M${n(x - s * 0.42)} ${n(bowlTop + s * 0.38)}C${n(x - s * 0.38)} ${n(bowlBottom - s * 0.08)} ${n(x - s * 0.18)} ${n(bowlBottom - s * 0.02)} ${n(x)} ${n(bowlBottom - s * 0.02)}C${n(x + s * 0.18)} ${n(bowlBottom - s * 0.02)} ${n(x + s * 0.38)} ${n(bowlBottom - s * 0.08)} ${n(x + s * 0.42)} ${n(bowlTop + s * 0.38)}Z" fill="${wine}"/><rect x="${n(x - s * 0.03)}" y="${n(bowlBottom)}" width="${n(s * 0.06)}" height="${n(s * 0.8)}" fill="#ffffff" opacity="0.7"/><ellipse cx="${n(x)}" cy="${n(baseY)}" rx="${n(s * 0.3)}" ry="${n(s * 0.06)}" fill="#ffffff" opacity="0.8"/>`
}

function berries(ctx: Ctx, x: number, y: number, count: number, colour: string, r: Rand): string {
  const fill = radial(
    ctx,
    [
      [0, '#ffffff', 0.6],
      [0.3, colour],
      [1, '#2a1030'],
    ],
    0.35,
    0.3,
    0.8,
  )
  let out = ''
  for (let i = 0; i < count; i++) {
    const a = between(r, 0, Math.PI * 2)
    const d = between(r, 0, 70)
    out += `<circle cx="${n(x + Math.cos(a) * d)}" cy="${n(y + Math.sin(a) * d * 0.8 + i * 2)}" r="${n(between(r, 20, 28))}" fill="${fill}"/>`
  }
  return out
}

const fruitWine: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f6eef2', '#e8d8e2'], glow: '#ffffff', a: '#7a2a5a', b: '#4a1a3a', c: '#9a4a7a', d: '#5a8a3a' },
    { bg: ['#f8efe8', '#ecd8c8'], glow: '#fffaf4', a: '#9a2a2a', b: '#5a1a1a', c: '#c05a3a', d: '#6a8a3a' },
    { bg: ['#f2eef4', '#e0d8e8'], glow: '#ffffff', a: '#5a2a7a', b: '#2e1a4a', c: '#7a4aa0', d: '#5a8a4a' },
    { bg: ['#fbf2e6', '#f2dfc4'], glow: '#fffaf2', a: '#c8742a', b: '#8a4a1a', c: '#e8a040', d: '#6a8a3a' },
    { bg: ['#f4eef0', '#e4d6da'], glow: '#ffffff', a: '#8a2a4a', b: '#4a1428', c: '#b04a6a', d: '#4f7a3a' },
    { bg: ['#f5f0e8', '#e6dccb'], glow: '#ffffff', a: '#6a2a4a', b: '#3a1428', c: '#8a4a6a', d: '#6a8a4a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 520, 280)
  out += `<circle cx="520" cy="330" r="240" fill="${p.c}" opacity="0.12"/><rect y="610" width="${W}" height="110" fill="${p.b}" opacity="0.08"/>`
  out += bottle(ctx, {
    x: 470,
    baseY: 640,
    width: 150,
    height: 470,
    neckWidth: 44,
    glass: p.b,
    liquid: p.a,
    level: 0.95,
    cap: p.b,
    label: '#f8f0ea',
    shoulder: 0.26,
  })
  out += wineGlass(ctx, 660, 650, 170, p.a)
  out +=
    leaf(250, 540, 170, 48, -140, leafGradient(ctx, '#b8d890', p.d), '#eef6e0') +
    leaf(250, 540, 150, 44, -60, leafGradient(ctx, '#b8d890', p.d), '#eef6e0')
  out += berries(ctx, 250, 600, 12, p.c, r)
  return out
}

const water: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#eaf5fb', '#d2e8f4'], glow: '#ffffff', a: '#bfe0f0', b: '#7fbfe0', c: '#3a8fc4', d: '#a8d0c0' },
    { bg: ['#eef7f6', '#d4ecea'], glow: '#ffffff', a: '#c4e6e2', b: '#82c6c0', c: '#2f9a94', d: '#b4d8b0' },
    { bg: ['#eef2fb', '#d8e0f4'], glow: '#ffffff', a: '#c8d4f0', b: '#8ea6e0', c: '#4a6ac4', d: '#b0c8e0' },
    { bg: ['#f0f7fa', '#d8eaf2'], glow: '#ffffff', a: '#cce6f0', b: '#8ccae0', c: '#3a9ac0', d: '#c4dcc4' },
    { bg: ['#ebf6f8', '#cfe8ee'], glow: '#ffffff', a: '#bce2ea', b: '#78c0d4', c: '#2a86a8', d: '#a4cca8' },
    { bg: ['#f2f6fa', '#dce6f0'], glow: '#ffffff', a: '#d0e0ee', b: '#96b8d8', c: '#4a7eb0', d: '#bcd4c8' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 220)
  const peaks: Point[] = [
    [-60, 470],
    [120, 330],
    [260, 420],
    [420, 260],
    [600, 400],
    [760, 300],
    [1020, 460],
  ]
  out += `<path d="${smoothPath(peaks.map(([x, y]): Point => [x, y + between(r, -20, 20)]))}L1020 720L-60 720Z" fill="${p.a}"/>`
  out += hill(hillPoints(r, 500, 30, 4), p.d)
  out += `<rect y="560" width="${W}" height="160" fill="${linear(ctx, [
    [0, p.b],
    [1, p.c],
  ])}"/>`
  for (let i = 0; i < 4; i++) {
    out += `<ellipse cx="${n(between(r, 200, 760))}" cy="${n(600 + i * 30)}" rx="${n(between(r, 80, 200))}" ry="${n(6 + i * 2)}" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.45"/>`
  }
  const x = between(r, 440, 520)
  const bodyFill = linear(
    ctx,
    [
      [0, '#ffffff', 0.75],
      [0.5, p.a, 0.45],
      [1, '#ffffff', 0.7],
    ],
    0,
    0,
    1,
    0,
  )
  const top = 160
  const base = 640
  const d = `M${n(x - 26)} ${top + 40}L${n(x - 26)} ${top + 70}C${n(x - 26)} ${top + 120} ${n(x - 90)} ${top + 140} ${n(x - 90)} ${top + 200}L${n(x - 90)} ${base - 24}Q${n(x - 90)} ${base} ${n(x - 66)} ${base}L${n(x + 66)} ${base}Q${n(x + 90)} ${base} ${n(x + 90)} ${base - 24}L${n(x + 90)} ${top + 200}C${n(x + 90)} ${top + 140} ${n(x + 26)} ${top + 120} ${n(x + 26)} ${top + 70}L${n(x + 26)} ${top + 40}Z`
  let ridges = ''
  for (const y of [top + 250, top + 275, base - 60, base - 35])
    ridges += `<path d="M${n(x - 90)} ${y}Q${n(x)} ${y + 10} ${n(x + 90)} ${y}" stroke="#ffffff" stroke-width="4" fill="none" opacity="0.7"/>`
  out += `${shadow(ctx, x, base, 130, 18, 0.2, p.c)}<path d="${d}" fill="${bodyFill}" stroke="#ffffff" stroke-width="4"/>${ridges}<rect x="${n(x - 90)}" y="${top + 310}" width="180" height="120" fill="${p.c}" opacity="0.85"/><path d="M${n(x - 40)} ${top + 400}q40 -60 80 0" stroke="#ffffff" stroke-width="6" fill="none" opacity="0.8"/><path d="M${n(x - 20)} ${top + 380}q20 -30 40 0" stroke="#ffffff" stroke-width="5" fill="none" opacity="0.6"/><rect x="${n(x - 66)}" y="${top + 210}" width="16" height="380" rx="8" fill="#ffffff" opacity="0.55"/><rect x="${n(x - 32)}" y="${top}" width="64" height="44" rx="8" fill="${p.c}"/>`
  for (let i = 0; i < 5; i++) {
    const dx = between(r, 150, 330) * (i % 2 === 0 ? -1 : 1)
    const dy = between(r, 180, 440)
    const size = between(r, 18, 34)
    out += `<path d="M${n(x + dx)} ${n(dy - size * 1.6)}C${n(x + dx + size * 0.4)} ${n(dy - size * 0.8)} ${n(x + dx + size)} ${n(dy - size * 0.2)} ${n(x + dx + size)} ${n(dy + size * 0.3)}A${n(size)} ${n(size)} 0 0 1 ${n(x + dx - size)} ${n(dy + size * 0.3)}C${n(x + dx - size)} ${n(dy - size * 0.2)} ${n(x + dx - size * 0.4)} ${n(dy - size * 0.8)} ${n(x + dx)} ${n(dy - size * 1.6)}Z" fill="${p.b}" opacity="0.75"/>`
  }
  return out
}

const softDrinks: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fdf3e6', '#f8dfc0'], glow: '#fffaf2', a: '#ffb347', b: '#f0781e', c: '#8cc04a', d: '#f05a5a' },
    { bg: ['#f0f7ea', '#dcebcc'], glow: '#ffffff', a: '#c8e07a', b: '#7fb03a', c: '#6a9a3a', d: '#f6d25a' },
    { bg: ['#fdeef0', '#f6d4da'], glow: '#fff8f8', a: '#ff9aa8', b: '#e0485e', c: '#7ab04a', d: '#f0c05a' },
    { bg: ['#f5f1e6', '#e8dec6'], glow: '#ffffff', a: '#f6d27a', b: '#e0a02a', c: '#6f9a3a', d: '#f08a4a' },
    { bg: ['#eef6f4', '#d6ebe6'], glow: '#ffffff', a: '#9fe0c8', b: '#3ab08a', c: '#5a9a3a', d: '#f6a05a' },
    { bg: ['#fbf0f6', '#f0d8e8'], glow: '#ffffff', a: '#d890c8', b: '#a0407e', c: '#6a9a4a', d: '#f6c25a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 300)
  out += `<circle cx="480" cy="360" r="250" fill="${p.a}" opacity="0.2"/><rect y="620" width="${W}" height="100" fill="${p.b}" opacity="0.08"/>`
  if (ctx.variant % 3 === 1) {
    // green coconut with a straw
    const shell = radial(
      ctx,
      [
        [0, '#d6ec9a'],
        [0.7, '#8cc04a'],
        [1, '#5a8a2a'],
      ],
      0.4,
      0.35,
      0.7,
    )
    out += `${shadow(ctx, 480, 640, 220, 26)}<path d="M300 470C300 330 380 250 480 250C580 250 660 330 660 470C660 580 590 640 480 640C370 640 300 580 300 470Z" fill="${shell}"/><ellipse cx="480" cy="290" rx="96" ry="34" fill="#f6f2e0"/><ellipse cx="480" cy="292" rx="70" ry="22" fill="#eef6d8"/><path d="M490 290L560 90" stroke="${p.d}" stroke-width="18" stroke-linecap="round"/><path d="M520 150L560 90" stroke="#ffffff" stroke-width="18" stroke-linecap="round" opacity="0.5"/><path d="M560 90l30 -10" stroke="${p.d}" stroke-width="18" stroke-linecap="round"/><ellipse cx="390" cy="400" rx="30" ry="60" fill="#ffffff" opacity="0.25" transform="rotate(20 390 400)"/>`
    out += flower(660, 300, 70, 5, p.d, '#f6d25a', 15)
    out += leaf(720, 340, 150, 40, -20, leafGradient(ctx, '#b8e08c', p.c), '#eef6e0')
    return out
  }
  const x = between(r, 440, 500)
  const juice = linear(ctx, [
    [0, p.a],
    [1, p.b],
  ])
  const glassD = `M${n(x - 120)} 220L${n(x + 120)} 220L${n(x + 95)} 640L${n(x - 95)} 640Z`
  const inside = clip(ctx, `<path d="${glassD}"/>`)
  let ice = ''
  for (let i = 0; i < 4; i++) {
    ice += `<rect x="${n(x - 90 + between(r, 0, 110))}" y="${n(290 + i * 60 + between(r, -10, 10))}" width="64" height="64" rx="12" fill="#ffffff" opacity="0.35" transform="rotate(${n(between(r, -20, 20))} ${n(x)} ${n(320 + i * 60)})"/>`
  }
  out += `${shadow(ctx, x, 640, 160, 20)}<path d="M${n(x + 40)} 300L${n(x + 140)} 90" stroke="${p.d}" stroke-width="16" stroke-linecap="round"/><path d="${glassD}" fill="#ffffff" opacity="0.5"/><g clip-path="${inside}"><rect x="${n(x - 130)}" y="270" width="260" height="380" fill="${juice}"/>${ice}<rect x="${n(x - 100)}" y="220" width="18" height="420" fill="#ffffff" opacity="0.4"/></g><path d="${glassD}" fill="none" stroke="#ffffff" stroke-width="5"/>`
  out += citrusSlice(ctx, x + 110, 236, 70, p.d, p.c)
  out += citrusSlice(ctx, x - 250, 600, 80, p.a, p.b) + citrusSlice(ctx, x + 250, 620, 60, p.d, p.c)
  out += leaf(x - 260, 500, 150, 40, -120, leafGradient(ctx, '#b8e08c', p.c), '#eef6e0')
  return out
}

function mortar(ctx: Ctx, x: number, baseY: number, size: number, stone: string, dark: string, herb: string): string {
  const s = size
  const body = linear(
    ctx,
    [
      [0, '#ffffff', 0.9],
      [0.25, stone],
      [1, dark],
    ],
    0,
    0,
    1,
    0,
  )
  const rimY = baseY - s * 0.75
  return `${shadow(ctx, x, baseY, s * 0.8, 20)}<path d="M${n(x + s * 0.15)} ${n(rimY + 10)}L${n(x + s * 0.85)} ${n(rimY - s * 0.75)}" stroke="${dark}" stroke-width="${n(s * 0.16)}" stroke-linecap="round"/><path d="M${n(x + s * 0.2)} ${n(rimY)}L${n(x + s * 0.82)} ${n(rimY - s * 0.72)}" stroke="#ffffff" stroke-width="${n(s * 0.04)}" stroke-linecap="round" opacity="0.3"/><path d="M${n(x - s * 0.62)} ${n(rimY)}C${n(x - s * 0.62)} ${n(baseY - s * 0.12)} ${n(x - s * 0.35)} ${n(baseY - s * 0.05)} ${n(x - s * 0.3)} ${n(baseY)}L${n(x + s * 0.3)} ${n(baseY)}C${n(x + s * 0.35)} ${n(baseY - s * 0.05)} ${n(x + s * 0.62)} ${n(baseY - s * 0.12)} ${n(x + s * 0.62)} ${n(rimY)}Z" fill="${body}"/><ellipse cx="${n(x)}" cy="${n(rimY)}" rx="${n(s * 0.62)}" ry="${n(s * 0.13)}" fill="${dark}"/><ellipse cx="${n(x)}" cy="${n(rimY + 4)}" rx="${n(s * 0.5)}" ry="${n(s * 0.08)}" fill="${herb}"/>`
}

function capsule(x: number, y: number, length: number, angle: number, a: string, b: string): string {
  const h = length * 0.38
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="M0 ${n(-h / 2)}H${n(-length / 2 + h / 2)}A${n(h / 2)} ${n(h / 2)} 0 0 0 ${n(-length / 2 + h / 2)} ${n(h / 2)}H0Z" fill="${a}"/><path d="M0 ${n(-h / 2)}H${n(length / 2 - h / 2)}A${n(h / 2)} ${n(h / 2)} 0 0 1 ${n(length / 2 - h / 2)} ${n(h / 2)}H0Z" fill="${b}"/><rect x="${n(-length / 2 + h * 0.4)}" y="${n(-h * 0.3)}" width="${n(length * 0.5)}" height="${n(h * 0.16)}" rx="3" fill="#ffffff" opacity="0.45"/></g>`
}

const remedies: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f1f5ea', '#dde8cf'], glow: '#ffffff', a: '#b8b0a0', b: '#6e6a5e', c: '#6a9a4a', d: '#e0a040' },
    { bg: ['#f6f1e8', '#e8dcc8'], glow: '#ffffff', a: '#c8b49a', b: '#7a6048', c: '#5a8a3a', d: '#c8503a' },
    { bg: ['#eef4f0', '#d8e6dc'], glow: '#ffffff', a: '#a8b4ac', b: '#5e6a62', c: '#4a8a5a', d: '#e8b84a' },
    { bg: ['#f7f3e6', '#ebe2c8'], glow: '#ffffff', a: '#c4b896', b: '#76684a', c: '#7a9a3a', d: '#d8783a' },
    { bg: ['#f2f2ec', '#e0e0d4'], glow: '#ffffff', a: '#b0aca4', b: '#605c56', c: '#5a905a', d: '#c8a04a' },
    { bg: ['#f4efe8', '#e6dacc'], glow: '#ffffff', a: '#c0a890', b: '#6e5440', c: '#6a8a4a', d: '#b8604a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 280)
  out += `<rect y="610" width="${W}" height="110" fill="${p.b}" opacity="0.08"/>`
  const leafFill = leafGradient(ctx, '#cfe8a8', p.c)
  const lx = 480
  for (const [angle, length] of [
    [-150, 260],
    [-120, 300],
    [-90, 320],
    [-60, 300],
    [-30, 260],
  ] as const) {
    out += leaf(lx + between(r, -20, 20), 460, length, 56, angle + between(r, -6, 6), leafFill, '#f0f8e4')
  }
  out += mortar(ctx, 480, 640, 300, p.a, p.b, p.c)
  // dried root slices, as sold by traditional herbalists
  const sliceFill = radial(ctx, [
    [0, '#fbf0d8'],
    [0.7, '#e8cf9e'],
    [1, '#b8905a'],
  ])
  for (let i = 0; i < 5; i++) {
    const x = between(r, 150, 330)
    const y = between(r, 560, 650)
    const size = between(r, 30, 46)
    out += `<g transform="translate(${n(x)} ${n(y)}) scale(1 0.7)">${shadow(ctx, 0, size * 0.6, size, size * 0.3, 0.15)}<circle r="${n(size)}" fill="${sliceFill}"/><circle r="${n(size * 0.62)}" fill="none" stroke="#a8804a" stroke-width="3" opacity="0.6"/><circle r="${n(size * 0.3)}" fill="none" stroke="#a8804a" stroke-width="2" opacity="0.5"/></g>`
  }
  for (let i = 0; i < 5; i++) {
    out += capsule(between(r, 660, 860), between(r, 560, 660), 70, between(r, -60, 60), p.d, '#fff8ea')
  }
  out += dots(r, 10, [80, 80, 880, 340], [3, 6], p.c, 0.3)
  return out
}

function dropperBottle(
  ctx: Ctx,
  x: number,
  baseY: number,
  size: number,
  glass: string,
  liquid: string,
  cap: string,
): string {
  const s = size
  const teat = linear(
    ctx,
    [
      [0, cap],
      [1, '#000000', 0.6],
    ],
    0,
    0,
    1,
    0,
  )
  return `${bottle(ctx, { x, baseY, width: s * 0.9, height: s * 1.25, neckWidth: s * 0.36, glass, liquid, level: 0.82, cap, label: '#fffaf4', shoulder: 0.16 })}<rect x="${n(x - s * 0.2)}" y="${n(baseY - s * 1.5)}" width="${n(s * 0.4)}" height="${n(s * 0.2)}" rx="6" fill="${cap}"/><path d="M${n(x - s * 0.13)} ${n(baseY - s * 1.5)}C${n(x - s * 0.15)} ${n(baseY - s * 1.82)} ${n(x + s * 0.15)} ${n(baseY - s * 1.82)} ${n(x + s * 0.13)} ${n(baseY - s * 1.5)}Z" fill="${teat}"/>`
}

function creamJar(ctx: Ctx, x: number, baseY: number, width: number, body: string, lid: string): string {
  const w = width / 2
  const fill = linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, body],
    ],
    0,
    0,
    1,
    0,
  )
  return `${shadow(ctx, x, baseY, w * 1.2, 14)}<rect x="${n(x - w)}" y="${n(baseY - width * 0.5)}" width="${n(width)}" height="${n(width * 0.5)}" rx="18" fill="${fill}"/><rect x="${n(x - w - 6)}" y="${n(baseY - width * 0.72)}" width="${n(width + 12)}" height="${n(width * 0.24)}" rx="14" fill="${lid}"/><rect x="${n(x - w * 0.6)}" y="${n(baseY - width * 0.34)}" width="${n(w * 1.2)}" height="${n(width * 0.06)}" rx="4" fill="${lid}" opacity="0.5"/>`
}

const cosmetics: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fbf0ee', '#f3dcd8'], glow: '#fffafa', a: '#f2c4c0', b: '#d88a8a', c: '#8aae8a', d: '#f6e6dc' },
    { bg: ['#eff4ee', '#dbe8d8'], glow: '#ffffff', a: '#c4dcc0', b: '#7fae82', c: '#5a8a5a', d: '#f2f0e4' },
    { bg: ['#f4f0f8', '#e4dcee'], glow: '#ffffff', a: '#d8c8ec', b: '#a08ac8', c: '#7aa07a', d: '#f4f0f8' },
    { bg: ['#fcf4ea', '#f4e2cc'], glow: '#fffaf4', a: '#f4d4a8', b: '#d8a060', c: '#8aa86a', d: '#fbf2e6' },
    { bg: ['#f8eef2', '#eed8e0'], glow: '#ffffff', a: '#eec0d0', b: '#c87a98', c: '#7a9e80', d: '#f8eef2' },
    { bg: ['#eef4f4', '#d8e8e8'], glow: '#ffffff', a: '#c0dede', b: '#6aa8a8', c: '#5a8a6a', d: '#eef6f6' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 520, 260)
  out += `<circle cx="540" cy="330" r="230" fill="${p.a}" opacity="0.35"/><rect y="620" width="${W}" height="100" fill="${p.b}" opacity="0.1"/>`
  const leafFill = leafGradient(ctx, '#d8ecc0', p.c)
  out += leaf(700, 520, 260, 64, -70, leafFill, '#f4faec') + leaf(700, 530, 220, 56, -30, leafFill, '#f4faec')
  out += dropperBottle(ctx, 480, 640, 240, p.b, p.a, p.b)
  out += creamJar(ctx, 700, 650, 200, p.d, p.b)
  for (let i = 0; i < 3; i++) {
    out += flower(between(r, 160, 300), between(r, 300, 560), between(r, 34, 52), 5, p.a, p.b, between(r, 0, 70))
  }
  for (let i = 0; i < 6; i++) {
    out += `<ellipse cx="${n(between(r, 100, 900))}" cy="${n(between(r, 60, 300))}" rx="14" ry="8" fill="${p.b}" opacity="0.45" transform="rotate(${n(between(r, 0, 180))} 480 300)"/>`
  }
  return out
}

const essentialOils: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f6f2e6', '#e8e0c8'], glow: '#ffffff', a: '#c8782a', b: '#8a4a1a', c: '#6a9a4a', d: '#f0c060' },
    { bg: ['#eef4ec', '#d8e6d4'], glow: '#ffffff', a: '#b0702a', b: '#6a3e16', c: '#4f8a4f', d: '#e8d070' },
    { bg: ['#f8f0e8', '#ecdcc8'], glow: '#fffaf4', a: '#d0803a', b: '#7a3e1a', c: '#7a9a3a', d: '#f6c87a' },
    { bg: ['#f2f4ee', '#e0e6d6'], glow: '#ffffff', a: '#a86a2a', b: '#5e3414', c: '#5a9a6a', d: '#e8e090' },
    { bg: ['#f6f0ec', '#e8d8d0'], glow: '#ffffff', a: '#c06a3a', b: '#7a3a1e', c: '#6a8a4a', d: '#f0b080' },
    { bg: ['#f4f4e8', '#e4e4cc'], glow: '#ffffff', a: '#b8782e', b: '#6e4418', c: '#7aa04a', d: '#f2d478' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 500, 260)
  out += `<rect y="620" width="${W}" height="100" fill="${p.b}" opacity="0.08"/>`
  // lemongrass blades fanning behind the bottle
  for (let i = 0; i < 7; i++) {
    out += leaf(330 + i * 12, 650, between(r, 380, 520), 16, -70 - i * 6, leafGradient(ctx, '#d4eaa0', p.c))
  }
  out += dropperBottle(ctx, 520, 640, 230, p.a, p.b, '#3a2a1e')
  out += dropperBottle(ctx, 700, 650, 150, p.a, p.b, '#3a2a1e')
  // cinnamon sticks
  for (let i = 0; i < 3; i++) {
    out += `<g transform="translate(${220 + i * 16} ${640 - i * 18}) rotate(-12)"><rect x="0" y="-16" width="230" height="32" rx="14" fill="#a0582a"/><rect x="0" y="-16" width="230" height="10" rx="5" fill="#c87a44"/><ellipse cx="230" cy="0" rx="10" ry="16" fill="#6a3414"/></g>`
  }
  const dropFill = linear(ctx, [
    [0, p.d],
    [1, p.a],
  ])
  out += `<path d="M800 170C820 220 850 250 850 290A50 50 0 0 1 750 290C750 250 780 220 800 170Z" fill="${dropFill}" opacity="0.9"/><ellipse cx="785" cy="285" rx="10" ry="18" fill="#ffffff" opacity="0.5"/>`
  return out
}

function vase(ctx: Ctx, x: number, baseY: number, height: number, glaze: string, ink: string): string {
  const h = height
  const profile: Point[] = [
    [h * 0.13, baseY - h],
    [h * 0.1, baseY - h * 0.9],
    [h * 0.12, baseY - h * 0.76],
    [h * 0.3, baseY - h * 0.52],
    [h * 0.28, baseY - h * 0.22],
    [h * 0.16, baseY - h * 0.02],
    [h * 0.17, baseY],
  ]
  const d = lathe(x, profile)
  const inside = clip(ctx, `<path d="${d}"/>`)
  const body = linear(
    ctx,
    [
      [0, '#ffffff'],
      [0.6, glaze],
      [1, '#c8ccd4'],
    ],
    0,
    0,
    1,
    0,
  )
  let deco = ''
  for (const [t, width] of [
    [0.88, 6],
    [0.8, 10],
    [0.12, 10],
    [0.05, 6],
  ] as const) {
    const y = baseY - h * t
    const hw = halfWidthAt(profile, y)
    deco += `<path d="M${n(x - hw)} ${n(y)}Q${n(x)} ${n(y + 14)} ${n(x + hw)} ${n(y)}" stroke="${ink}" stroke-width="${width}" fill="none"/>`
  }
  // the medallion and petal border of Bát Tràng blue-and-white ware
  const my = baseY - h * 0.45
  deco += `<circle cx="${n(x)}" cy="${n(my)}" r="${n(h * 0.15)}" fill="none" stroke="${ink}" stroke-width="7"/><circle cx="${n(x)}" cy="${n(my)}" r="${n(h * 0.1)}" fill="none" stroke="${ink}" stroke-width="3"/>${flower(x, my, h * 0.09, 8, ink, glaze)}`
  for (let i = -3; i <= 3; i++) {
    deco += `<path d="M${n(x + i * h * 0.09)} ${n(baseY - h * 0.22)}q${n(h * 0.045)} ${n(-h * 0.08)} ${n(h * 0.09)} 0" stroke="${ink}" stroke-width="5" fill="none"/>`
    deco += `<circle cx="${n(x + i * h * 0.08)}" cy="${n(baseY - h * 0.68)}" r="${n(h * 0.02)}" fill="${ink}"/>`
  }
  return `${shadow(ctx, x, baseY, h * 0.36, 20)}<path d="${d}" fill="${body}"/><g clip-path="${inside}">${deco}<rect x="${n(x - h * 0.22)}" y="${n(baseY - h)}" width="${n(h * 0.05)}" height="${n(h)}" fill="#ffffff" opacity="0.5"/></g>`
}

function plate(ctx: Ctx, x: number, y: number, radius: number, glaze: string, ink: string): string {
  let petals = ''
  for (let i = 0; i < 12; i++) {
    petals += `<ellipse cx="0" cy="${n(-radius * 0.48)}" rx="${n(radius * 0.1)}" ry="${n(radius * 0.2)}" fill="${ink}" opacity="0.85" transform="rotate(${i * 30})"/>`
  }
  const fill = radial(ctx, [
    [0, '#ffffff'],
    [1, glaze],
  ])
  return `<g transform="translate(${n(x)} ${n(y)})">${shadow(ctx, 8, 14, radius * 1.05, radius * 1.05, 0.14)}<circle r="${n(radius)}" fill="${fill}"/><circle r="${n(radius * 0.92)}" fill="none" stroke="${ink}" stroke-width="${n(radius * 0.05)}"/><circle r="${n(radius * 0.72)}" fill="none" stroke="${ink}" stroke-width="3"/>${petals}<circle r="${n(radius * 0.2)}" fill="none" stroke="${ink}" stroke-width="5"/><circle r="${n(radius * 0.08)}" fill="${ink}"/></g>`
}

function lacquerScene(ctx: Ctx, red: boolean): string {
  const { r } = ctx
  const gold = linear(
    ctx,
    [
      [0, '#f8e2a0'],
      [0.5, '#d4a548'],
      [1, '#9a6e24'],
    ],
    0,
    0,
    1,
    1,
  )
  const bgTop = red ? '#5a1410' : '#1e1816'
  const bgBottom = red ? '#2e0a08' : '#0e0b0a'
  let out = `<rect width="${W}" height="${H}" fill="${linear(ctx, [
    [0, bgTop],
    [1, bgBottom],
  ])}"/>`
  out += glow(ctx, 640, 240, 420, red ? '#c8482a' : '#6a5030', 0.35)
  out += `<circle cx="680" cy="220" r="120" fill="${gold}" opacity="0.9"/>`
  // gold-leaf clouds and hills, a classic lacquer painting motif
  for (let i = 0; i < 3; i++) {
    const y = 480 + i * 70
    out += `<path d="${smoothPath(hillPoints(r, y, 30, 4))}" stroke="${gold}" stroke-width="${4 - i}" fill="none" opacity="${n(0.8 - i * 0.2)}"/>`
  }
  const plateX = 360
  const plateY = 400
  const R = 220
  const plateFill = radial(
    ctx,
    [
      [0, red ? '#8a1c14' : '#2a2220'],
      [1, red ? '#4a0c08' : '#0a0808'],
    ],
    0.4,
    0.35,
    0.8,
  )
  out += `${shadow(ctx, plateX + 10, plateY + 30, R * 1.1, R * 1.05, 0.5, '#000000')}<circle cx="${plateX}" cy="${plateY}" r="${R}" fill="${plateFill}"/><circle cx="${plateX}" cy="${plateY}" r="${R - 8}" fill="none" stroke="${gold}" stroke-width="10"/><circle cx="${plateX}" cy="${plateY}" r="${R - 36}" fill="none" stroke="${gold}" stroke-width="2" opacity="0.7"/>`
  // eggshell and mother-of-pearl inlay
  const pearl = linear(
    ctx,
    [
      [0, '#ffffff'],
      [0.35, '#f0d8e8'],
      [0.65, '#c8e8e8'],
      [1, '#f8f4e0'],
    ],
    0,
    0,
    1,
    1,
  )
  for (let i = 0; i < 26; i++) {
    const a = between(r, 0, Math.PI * 2)
    const d = between(r, 0, R - 70)
    const cx = plateX + Math.cos(a) * d
    const cy = plateY + Math.sin(a) * d
    const size = between(r, 10, 26)
    const shard: Point[] = [0, 1, 2, 3, 4].map((k): Point => {
      const t = (k / 5) * Math.PI * 2 + between(r, -0.3, 0.3)
      const rr = size * between(r, 0.6, 1)
      return [cx + Math.cos(t) * rr, cy + Math.sin(t) * rr]
    })
    out += `<path d="M${pts(shard)}Z" fill="${i % 3 === 0 ? pearl : '#f6efe0'}" opacity="${i % 3 === 0 ? 0.95 : 0.75}"/>`
  }
  out += flower(plateX, plateY, 70, 6, gold, red ? '#5a1410' : '#1e1816', between(r, 0, 30))
  return out
}

const homeware: Design = (ctx) => {
  if (ctx.variant === 1 || ctx.variant === 3) return lacquerScene(ctx, ctx.variant === 3)
  const p = palette(ctx, [
    { bg: ['#f2f5f8', '#dde6ee'], glow: '#ffffff', a: '#f6f8fa', b: '#23508e', c: '#c8d6e6', d: '#6a8ab0' },
    { bg: ['#f2f5f8', '#dde6ee'], glow: '#ffffff', a: '#f6f8fa', b: '#23508e', c: '#c8d6e6', d: '#6a8ab0' },
    { bg: ['#f6f2ea', '#e8dece'], glow: '#ffffff', a: '#faf6ee', b: '#2a4a7a', c: '#dccdb4', d: '#a08a6a' },
    { bg: ['#f6f2ea', '#e8dece'], glow: '#ffffff', a: '#faf6ee', b: '#2a4a7a', c: '#dccdb4', d: '#a08a6a' },
    { bg: ['#eef4f2', '#d6e4e0'], glow: '#ffffff', a: '#f4f8f6', b: '#1e5a7a', c: '#c0d8d2', d: '#5a8a84' },
    { bg: ['#f4f0f0', '#e4dcdc'], glow: '#ffffff', a: '#faf8f8', b: '#2c4f8a', c: '#d8ccc8', d: '#8a7a78' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 260)
  out += `<rect y="600" width="${W}" height="120" fill="${p.c}" opacity="0.6"/>`
  if (ctx.variant === 2) {
    out += plate(ctx, 720, 270, 170, p.a, p.b)
    out += vase(ctx, 360, 660, 540, p.a, p.b)
    out += vase(ctx, 600, 660, 340, p.a, p.b)
    return out
  }
  out += plate(ctx, ctx.variant === 4 ? 250 : 300, ctx.variant === 4 ? 260 : 300, 190, p.a, p.b)
  if (ctx.variant === 4) out += plate(ctx, 420, 200, 120, p.a, p.b)
  out += vase(ctx, 560, 650, 500, p.a, p.b)
  out += `${shadow(ctx, 800, 650, 110, 14)}<path d="M700 560C700 620 740 650 800 650C860 650 900 620 900 560Z" fill="${linear(
    ctx,
    [
      [0, '#ffffff'],
      [1, p.a],
    ],
    0,
    0,
    1,
    0,
  )}"/><ellipse cx="800" cy="560" rx="100" ry="18" fill="${p.c}"/><path d="M712 590Q800 620 888 590" stroke="${p.b}" stroke-width="6" fill="none"/>`
  out += dots(r, 6, [100, 540, 900, 600], [3, 5], p.d, 0.3)
  return out
}

function sheenGradient(ctx: Ctx, light: string, dark: string, r: Rand): string {
  const stops: Stop[] = []
  const folds = 4 + Math.floor(r() * 3)
  for (let i = 0; i <= folds; i++) {
    stops.push([Number((i / folds).toFixed(3)), i % 2 === 0 ? dark : light])
  }
  return linear(ctx, stops, 0, 0, 1, 0.3)
}

const textiles: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f4f1ea', '#e6dfd2'], glow: '#ffffff', a: '#3a4f8e', b: '#6a80c0', c: '#d8a040', d: '#f2cf84' },
    { bg: ['#f8eeea', '#ecd8d0'], glow: '#ffffff', a: '#a8282e', b: '#d85a4e', c: '#d8a848', d: '#f4d890' },
    { bg: ['#eef4f2', '#d8e6e2'], glow: '#ffffff', a: '#1f6a6a', b: '#4aa0a0', c: '#e8d8b0', d: '#faf2dc' },
    { bg: ['#f4eff6', '#e4dcea'], glow: '#ffffff', a: '#5a3a80', b: '#8a6ab8', c: '#e07a9a', d: '#f6c0d0' },
    { bg: ['#f2f2f4', '#e0e2ea'], glow: '#ffffff', a: '#22305a', b: '#4a5e94', c: '#e8e4dc', d: '#ffffff' },
    { bg: ['#f6f2e6', '#e8e0c4'], glow: '#ffffff', a: '#3a6a3a', b: '#6aa05a', c: '#d8a838', d: '#f4dc8c' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 300)
  // brocade: a small repeating diamond-and-dot pattern woven into one of the ribbons
  const patternId = `pat${ctx.seq++}`
  ctx.defs.push(
    `<pattern id="${patternId}" width="48" height="48" patternUnits="userSpaceOnUse" patternTransform="rotate(20)"><rect width="48" height="48" fill="${p.c}"/><path d="M24 6L42 24L24 42L6 24Z" fill="none" stroke="${p.a}" stroke-width="4"/><circle cx="24" cy="24" r="5" fill="${p.a}"/><circle cx="0" cy="0" r="4" fill="${p.d}"/><circle cx="48" cy="48" r="4" fill="${p.d}"/><circle cx="48" cy="0" r="4" fill="${p.d}"/><circle cx="0" cy="48" r="4" fill="${p.d}"/></pattern>`,
  )
  const bands = [
    { y: 150, thickness: 150, fill: sheenGradient(ctx, p.b, p.a, r) },
    { y: 300, thickness: 120, fill: `url(#${patternId})` },
    { y: 420, thickness: 170, fill: sheenGradient(ctx, p.d, p.c, r) },
    { y: 560, thickness: 140, fill: sheenGradient(ctx, p.b, p.a, r) },
  ]
  for (const band of bands) {
    const phase = between(r, 0, Math.PI * 2)
    const amp = between(r, 50, 90)
    const tilt = between(r, -120, 120)
    const top: Point[] = []
    const bottom: Point[] = []
    for (let k = 0; k <= 6; k++) {
      const x = -80 + k * 186
      const y = band.y + Math.sin(phase + k * 0.9) * amp + tilt * (k / 6 - 0.5)
      const thickness = band.thickness * (0.7 + 0.3 * Math.cos(phase + k * 1.3))
      top.push([x, y])
      bottom.push([x, y + thickness])
    }
    out += ribbonBand(
      top.map(([x, y]): Point => [x + 8, y + 14]),
      bottom.map(([x, y]): Point => [x + 8, y + 14]),
      '#000000',
      0.08,
    )
    out += ribbonBand(top, bottom, band.fill)
    out += `<path d="M${pts([top[0]])}${curveThrough(top)}" stroke="#ffffff" stroke-width="3" fill="none" opacity="0.35"/>`
  }
  return out
}

function branch(
  r: Rand,
  x: number,
  y: number,
  angle: number,
  length: number,
  width: number,
  depth: number,
  out: { wood: string[]; tips: Point[]; nodes: Point[] },
): void {
  const segments = 3
  let cx = x
  let cy = y
  let a = angle
  const points: Point[] = [[cx, cy]]
  for (let i = 0; i < segments; i++) {
    a += between(r, -0.35, 0.35)
    cx += Math.cos(a) * (length / segments)
    cy += Math.sin(a) * (length / segments)
    points.push([cx, cy])
  }
  out.wood.push(`<path d="${smoothPath(points)}" stroke-width="${n(width)}"/>`)
  out.nodes.push(...points.slice(1))
  out.tips.push([cx, cy])
  if (depth <= 0) return
  const children = depth > 1 ? 2 : 3
  for (let i = 0; i < children; i++) {
    const from = points[1 + Math.floor(r() * segments)]
    branch(
      r,
      from[0],
      from[1],
      a + between(r, -0.9, 0.9),
      length * between(r, 0.45, 0.65),
      width * 0.55,
      depth - 1,
      out,
    )
  }
}

const blossoms: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#fdf2f2', '#f6dcdc'], glow: '#ffffff', a: '#f6a8b8', b: '#e0607e', c: '#fff0f2', d: '#5a3a2e' },
    { bg: ['#fdf6e4', '#f8e6b8'], glow: '#ffffff', a: '#ffd44a', b: '#f0a818', c: '#fff6d0', d: '#5a3e22' },
    { bg: ['#f6f2f6', '#e8dce8'], glow: '#ffffff', a: '#fbd0dc', b: '#f08aa8', c: '#ffffff', d: '#4e3a34' },
    { bg: ['#f3f6ee', '#e0e8d4'], glow: '#ffffff', a: '#ffcc5a', b: '#e8a020', c: '#fff4cc', d: '#4a3a24' },
    { bg: ['#fbf0ec', '#f2d8d0'], glow: '#ffffff', a: '#f4909e', b: '#d04a64', c: '#ffe8ec', d: '#4a2e26' },
    { bg: ['#eef2f6', '#dce4ee'], glow: '#ffffff', a: '#f8b8c8', b: '#e87094', c: '#fff2f6', d: '#4a3a3a' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 560, 300)
  out += `<circle cx="${n(between(r, 560, 720))}" cy="${n(between(r, 220, 320))}" r="200" fill="${p.a}" opacity="0.18"/>`
  const tree = { wood: [] as string[], tips: [] as Point[], nodes: [] as Point[] }
  branch(r, -20, between(r, 520, 640), between(r, -0.55, -0.35), 620, 34, 2, tree)
  branch(r, 980, between(r, 80, 160), between(r, 2.7, 2.9), 380, 20, 1, tree)
  out += `<g stroke="${p.d}" fill="none" stroke-linecap="round">${tree.wood.join('')}</g>`
  const petal = radial(
    ctx,
    [
      [0, p.c],
      [0.6, p.a],
      [1, p.b],
    ],
    0.5,
    0.5,
    0.6,
  )
  const blossomsAt = [...tree.tips, ...tree.nodes.filter(() => r() < 0.55)]
  for (const [x, y] of blossomsAt) {
    const size = between(r, 30, 52)
    if (r() < 0.22) {
      out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size * 0.32)}" fill="${p.b}"/>`
    } else {
      out += flower(x + between(r, -10, 10), y + between(r, -10, 10), size, 5, petal, p.b, between(r, 0, 72))
    }
    if (r() < 0.3) out += leaf(x, y, 46, 14, between(r, -180, 0), '#8ab86a')
  }
  for (let i = 0; i < 8; i++) {
    out += `<ellipse cx="${n(between(r, 60, 900))}" cy="${n(between(r, 380, 680))}" rx="12" ry="7" fill="${p.a}" opacity="0.7" transform="rotate(${n(between(r, 0, 180))} 480 500)"/>`
  }
  return out
}

const bonsai: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f2f5ec', '#dde6d2'], glow: '#ffffff', a: '#8cc06a', b: '#4f8a3f', c: '#2a5a8a', d: '#6a4a32' },
    { bg: ['#f6f2ea', '#e8dfcf'], glow: '#ffffff', a: '#9ac878', b: '#5a8a44', c: '#a0522d', d: '#5a3e2a' },
    { bg: ['#eef4f2', '#d6e6e0'], glow: '#ffffff', a: '#7cb88a', b: '#3a7a58', c: '#3a6a6a', d: '#5e4634' },
    { bg: ['#f4f2e6', '#e4e0c8'], glow: '#ffffff', a: '#a8c870', b: '#6a8a34', c: '#7a3a2a', d: '#5a4028' },
    { bg: ['#f0f2f6', '#dce0ea'], glow: '#ffffff', a: '#8ac08a', b: '#3e7e4e', c: '#2e4a7a', d: '#4e3a2e' },
    { bg: ['#f8f0ea', '#ecdcd0'], glow: '#ffffff', a: '#98c46e', b: '#4e8040', c: '#b06a3a', d: '#5a3c28' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 480, 280)
  out += `<circle cx="480" cy="330" r="260" fill="${p.a}" opacity="0.14"/><rect y="620" width="${W}" height="100" fill="${p.d}" opacity="0.08"/>`
  const potFill = linear(
    ctx,
    [
      [0, p.c],
      [0.5, '#ffffff', 0.0],
      [1, p.c],
    ],
    0,
    0,
    1,
    0,
  )
  const potTop = 520
  out += `${shadow(ctx, 480, 640, 260, 22)}<path d="M250 ${potTop}L710 ${potTop}L670 630L290 630Z" fill="${p.c}"/><path d="M250 ${potTop}L710 ${potTop}L670 630L290 630Z" fill="${potFill}"/><rect x="230" y="${potTop - 24}" width="500" height="32" rx="8" fill="${p.c}"/><rect x="230" y="${potTop - 24}" width="500" height="10" rx="5" fill="#ffffff" opacity="0.25"/><rect x="300" y="628" width="40" height="18" rx="4" fill="${p.c}"/><rect x="620" y="628" width="40" height="18" rx="4" fill="${p.c}"/>`
  out += `<ellipse cx="480" cy="${potTop - 22}" rx="230" ry="16" fill="#6a8a3a" opacity="0.7"/>`
  const lean = between(r, -40, 40)
  const trunk: Point[] = [
    [460, potTop - 20],
    [420 + between(r, -30, 20), 420],
    [520 + lean, 340],
    [450 + lean, 250],
    [540 + lean * 0.5, 190],
  ]
  const wood = linear(
    ctx,
    [
      [0, p.d],
      [1, '#8a6a4a'],
    ],
    0,
    0,
    1,
    0,
  )
  out += `<path d="${smoothPath(trunk)}" stroke="${wood}" stroke-width="46" fill="none" stroke-linecap="round"/><path d="${smoothPath(trunk.map(([x, y]): Point => [x - 8, y]))}" stroke="#ffffff" stroke-width="6" fill="none" opacity="0.15" stroke-linecap="round"/>`
  out += `<path d="M430 400C380 390 330 380 290 350M510 330C570 320 620 300 660 290M470 260C420 240 390 220 360 200" stroke="${p.d}" stroke-width="18" fill="none" stroke-linecap="round"/>`
  const pads: [number, number, number][] = [
    [290, 330, 110],
    [670, 270, 120],
    [360, 190, 90],
    [560, 160, 120],
  ]
  const foliage = radial(
    ctx,
    [
      [0, p.a],
      [1, p.b],
    ],
    0.4,
    0.3,
    0.8,
  )
  for (const [x, y, size] of pads) {
    let cloud = ''
    for (let i = 0; i < 7; i++) {
      cloud += `<ellipse cx="${n(x + between(r, -size * 0.7, size * 0.7))}" cy="${n(y + between(r, -size * 0.2, size * 0.15))}" rx="${n(size * between(r, 0.35, 0.55))}" ry="${n(size * between(r, 0.25, 0.38))}" fill="${foliage}"/>`
    }
    out += `<g>${shadow(ctx, x, y + size * 0.35, size * 1.1, size * 0.15, 0.18, '#1a3a1a')}${cloud}</g>`
  }
  return out
}

function koi(
  ctx: Ctx,
  x: number,
  y: number,
  length: number,
  angle: number,
  base: string,
  spot: string,
  r: Rand,
): string {
  const L = length
  const w = L * 0.15
  const body = `M${n(L * 0.5)} 0C${n(L * 0.45)} ${n(-w)} ${n(L * 0.1)} ${n(-w * 1.1)} ${n(-L * 0.2)} ${n(-w * 0.6)}C${n(-L * 0.32)} ${n(-w * 0.35)} ${n(-L * 0.36)} ${n(-w * 0.15)} ${n(-L * 0.38)} 0C${n(-L * 0.36)} ${n(w * 0.15)} ${n(-L * 0.32)} ${n(w * 0.35)} ${n(-L * 0.2)} ${n(w * 0.6)}C${n(L * 0.1)} ${n(w * 1.1)} ${n(L * 0.45)} ${n(w)} ${n(L * 0.5)} 0Z`
  const inside = clip(ctx, `<path d="${body}"/>`)
  let spots = ''
  for (let i = 0; i < 4; i++) {
    spots += `<ellipse cx="${n(between(r, -L * 0.25, L * 0.35))}" cy="${n(between(r, -w * 0.8, w * 0.8))}" rx="${n(between(r, L * 0.07, L * 0.14))}" ry="${n(between(r, w * 0.4, w * 0.8))}" fill="${spot}"/>`
  }
  const fin = '#ffffff'
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="M${n(-L * 0.36)} 0C${n(-L * 0.5)} ${n(-w * 1.2)} ${n(-L * 0.62)} ${n(-w * 1.4)} ${n(-L * 0.66)} ${n(-w * 0.9)}C${n(-L * 0.6)} ${n(-w * 0.3)} ${n(-L * 0.6)} ${n(w * 0.3)} ${n(-L * 0.66)} ${n(w * 0.9)}C${n(-L * 0.62)} ${n(w * 1.4)} ${n(-L * 0.5)} ${n(w * 1.2)} ${n(-L * 0.36)} 0Z" fill="${fin}" opacity="0.75"/><ellipse cx="${n(L * 0.18)}" cy="${n(-w * 1.1)}" rx="${n(L * 0.09)}" ry="${n(w * 0.5)}" fill="${fin}" opacity="0.7" transform="rotate(-30 ${n(L * 0.18)} ${n(-w * 1.1)})"/><ellipse cx="${n(L * 0.18)}" cy="${n(w * 1.1)}" rx="${n(L * 0.09)}" ry="${n(w * 0.5)}" fill="${fin}" opacity="0.7" transform="rotate(30 ${n(L * 0.18)} ${n(w * 1.1)})"/><path d="${body}" fill="${base}"/><g clip-path="${inside}">${spots}</g><path d="M${n(L * 0.3)} ${n(-w * 0.5)}Q${n(L * 0.2)} 0 ${n(L * 0.3)} ${n(w * 0.5)}" stroke="#000000" stroke-opacity="0.12" stroke-width="3" fill="none"/></g>`
}

const koiPond: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#d6ecea', '#9fcfcc'], glow: '#f0fbfa', a: '#f06a2a', b: '#ffffff', c: '#5a9a5a', d: '#f6a8b8' },
    { bg: ['#d8e6f0', '#a8c4dc'], glow: '#f4f8fc', a: '#e8502a', b: '#fff4e8', c: '#4a8a5a', d: '#ffffff' },
    { bg: ['#dcefe4', '#a6d4bc'], glow: '#f4fcf6', a: '#f48a2a', b: '#ffffff', c: '#3e8a4e', d: '#f8b4c4' },
    { bg: ['#e2ecec', '#b4cccc'], glow: '#f6fafa', a: '#d8402a', b: '#fffaf0', c: '#5a8a4a', d: '#ffe08a' },
    { bg: ['#d4e8ee', '#98c8d4'], glow: '#f0fafc', a: '#f2782a', b: '#ffffff', c: '#4a906a', d: '#f6a8c0' },
    { bg: ['#e0eee6', '#b0d4c4'], glow: '#f6fcf8', a: '#ea5a2e', b: '#fff6ec', c: '#528e52', d: '#ffffff' },
  ])
  const { r } = ctx
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, 420, 300)
  for (let i = 0; i < 4; i++) {
    const x = between(r, 150, 800)
    const y = between(r, 120, 600)
    out += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(between(r, 60, 120))}" ry="${n(between(r, 24, 44))}" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.4"/><ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(between(r, 20, 50))}" ry="${n(between(r, 8, 18))}" fill="none" stroke="#ffffff" stroke-width="3" opacity="0.3"/>`
  }
  const padFill = radial(
    ctx,
    [
      [0, '#b8e08c'],
      [1, p.c],
    ],
    0.4,
    0.4,
    0.7,
  )
  const pads: [number, number, number][] = [
    [780, 170, 110],
    [870, 330, 70],
    [140, 600, 120],
    [300, 680, 70],
  ]
  for (const [x, y, size] of pads) {
    const notch = between(r, 0, 360)
    out += `<g transform="translate(${x} ${y}) rotate(${n(notch)})">${shadow(ctx, 8, 10, size, size * 0.9, 0.15, '#0a3a3a')}<path d="M0 0L${n(size)} -14A${size} ${size} 0 1 0 ${n(size)} 14Z" fill="${padFill}"/><path d="M0 0L${n(-size * 0.8)} 0M0 0L${n(size * 0.4)} ${n(size * 0.6)}M0 0L${n(size * 0.4)} ${n(-size * 0.6)}" stroke="#ffffff" stroke-width="3" opacity="0.3"/></g>`
  }
  out += flower(780, 160, 56, 8, p.d, '#f6d25a', 10)
  const fishes: [number, number, number, number][] = [
    [430, 300, 300, 20],
    [600, 470, 260, 200],
    [300, 460, 200, -30],
  ]
  fishes.forEach(([x, y, length, angle], i) => {
    out += shadow(ctx, x + 20, y + 30, length * 0.45, length * 0.12, 0.15, '#0a3a3a')
    out += koi(ctx, x, y, length, angle + between(r, -15, 15), i === 1 ? p.b : p.a, i === 1 ? p.a : p.b, r)
  })
  return out
}

function stiltHouse(
  ctx: Ctx,
  x: number,
  baseY: number,
  size: number,
  wall: string,
  roof: string,
  post: string,
): string {
  const s = size
  const floorY = baseY - s * 0.38
  const wallTop = floorY - s * 0.3
  let stilts = ''
  for (let i = 0; i < 5; i++)
    stilts += `<rect x="${n(x - s * 0.46 + i * s * 0.23)}" y="${n(floorY)}" width="${n(s * 0.04)}" height="${n(baseY - floorY)}" fill="${post}"/>`
  let thatch = ''
  for (const t of [0.25, 0.5, 0.75]) {
    thatch += `<path d="M${n(x - s * (0.32 + 0.34 * t))} ${n(wallTop - s * 0.42 + s * 0.46 * t)}H${n(x + s * (0.32 + 0.34 * t))}" stroke="#000000" stroke-opacity="0.15" stroke-width="${n(s * 0.012)}"/>`
  }
  return `${shadow(ctx, x, baseY, s * 0.7, s * 0.06, 0.25)}${stilts}<rect x="${n(x - s * 0.52)}" y="${n(floorY - s * 0.03)}" width="${n(s * 1.04)}" height="${n(s * 0.05)}" fill="${post}"/><rect x="${n(x - s * 0.46)}" y="${n(wallTop)}" width="${n(s * 0.92)}" height="${n(floorY - wallTop)}" fill="${wall}"/><rect x="${n(x - s * 0.3)}" y="${n(wallTop + s * 0.08)}" width="${n(s * 0.14)}" height="${n(s * 0.12)}" fill="${post}" opacity="0.7"/><rect x="${n(x + s * 0.12)}" y="${n(wallTop + s * 0.08)}" width="${n(s * 0.14)}" height="${n(s * 0.12)}" fill="${post}" opacity="0.7"/><path d="M${n(x - s * 0.66)} ${n(wallTop + s * 0.04)}L${n(x - s * 0.32)} ${n(wallTop - s * 0.42)}L${n(x + s * 0.32)} ${n(wallTop - s * 0.42)}L${n(x + s * 0.66)} ${n(wallTop + s * 0.04)}Z" fill="${roof}"/>${thatch}<path d="M${n(x - s * 0.36)} ${n(wallTop - s * 0.42)}l${n(-s * 0.06)} ${n(-s * 0.06)}M${n(x + s * 0.36)} ${n(wallTop - s * 0.42)}l${n(s * 0.06)} ${n(-s * 0.06)}" stroke="${roof}" stroke-width="${n(s * 0.03)}" stroke-linecap="round"/><path d="M${n(x + s * 0.5)} ${n(floorY)}L${n(x + s * 0.72)} ${n(baseY)}" stroke="${post}" stroke-width="${n(s * 0.03)}"/>`
}

const tourism: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#e8f2f6', '#f6efe0'], glow: '#fff8e0', a: '#b8d4c8', b: '#88b89a', c: '#4f8a5f', d: '#8ec8e0' },
    { bg: ['#fde8d6', '#f8d8c4'], glow: '#ffe8c0', a: '#e0b8a8', b: '#b89a7a', c: '#6a7a4a', d: '#f0c8a0' },
    { bg: ['#eef4e6', '#e2ecd4'], glow: '#ffffff', a: '#c4dca8', b: '#90c070', c: '#4e8a3a', d: '#9ad0d8' },
    { bg: ['#e8e4f2', '#f4dcd8'], glow: '#ffe8e0', a: '#c0b4d4', b: '#9486b0', c: '#5a5a7a', d: '#d8c8e8' },
    { bg: ['#e6f0f4', '#dce8ec'], glow: '#ffffff', a: '#bccfd4', b: '#84a8a8', c: '#3e6e6a', d: '#a8d4e0' },
    { bg: ['#fbeed6', '#f4e0b8'], glow: '#fff4d0', a: '#e0cc98', b: '#c0a860', c: '#7a7a3a', d: '#a8d0c8' },
  ])
  const { r } = ctx
  const sunX = between(r, 600, 780)
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, sunX, 170)
  out += `<circle cx="${n(sunX)}" cy="170" r="56" fill="#fff6dc" opacity="0.95"/>`
  const ridge: Point[] = [
    [-60, 380],
    [100, 250],
    [230, 330],
    [380, 200],
    [540, 330],
    [700, 240],
    [860, 320],
    [1020, 280],
  ]
  out += `<path d="${smoothPath(ridge.map(([x, y]): Point => [x, y + between(r, -25, 25)]))}L1020 720L-60 720Z" fill="${p.a}"/>`
  out += hill(hillPoints(r, 400, 40, 4), p.b)
  out += hill(hillPoints(r, 480, 30, 3), p.c)
  // the river widens towards the viewer
  const centre: Point[] = [
    [sunX - 110, 478],
    [sunX - 200, 520],
    [520, 570],
    [380, 640],
    [440, 740],
  ]
  const widths = [4, 24, 60, 130, 250]
  const leftBank: Point[] = []
  const rightBank: Point[] = []
  centre.forEach(([x, y], i) => {
    leftBank.push([x - widths[i] / 2, y])
    rightBank.push([x + widths[i] / 2, y])
  })
  out += ribbonBand(
    leftBank,
    rightBank,
    linear(ctx, [
      [0, '#ffffff'],
      [1, p.d],
    ]),
  )
  out += `<path d="M${n(sunX - 150)} 505l40 0M500 585l70 0M390 650l90 0" stroke="#ffffff" stroke-width="4" stroke-linecap="round" opacity="0.6"/>`
  out += `<path d="M0 560C200 540 240 600 200 720L0 720Z" fill="${p.c}"/><path d="M960 540C760 540 620 600 640 720L960 720Z" fill="${p.c}"/>`
  const house = between(r, 760, 800)
  out += stiltHouse(ctx, house, 640, 230, '#d8b48a', '#6a4a32', '#5a3a26')
  for (let i = 0; i < 3; i++) {
    const tx = between(r, 40, 160) + i * 30
    const ty = 610 + i * 10
    out += `<rect x="${n(tx - 4)}" y="${n(ty - 10)}" width="8" height="50" fill="#5a3a26"/><ellipse cx="${n(tx)}" cy="${n(ty - 40)}" rx="34" ry="46" fill="${p.b}"/><ellipse cx="${n(tx - 8)}" cy="${n(ty - 52)}" rx="14" ry="20" fill="#ffffff" opacity="0.15"/>`
  }
  for (let i = 0; i < 3; i++) {
    const bx = between(r, 200, 520)
    const by = between(r, 110, 210)
    out += `<path d="M${n(bx - 14)} ${n(by - 6)}q7 -8 14 0q7 -8 14 0" stroke="${p.c}" stroke-width="3" fill="none" stroke-linecap="round"/>`
  }
  out += `<path d="M400 620q36 14 72 0l-10 16h-52z" fill="#5a3a26"/>`
  return out
}

// Unknown subgroup codes (and a future subgroup before it gets its own design) fall back to this.
const neutral: Design = (ctx) => {
  const p = palette(ctx, [
    { bg: ['#f6f1e9', '#ebe1d2'], glow: '#ffffff', a: '#d9c6a8', b: '#b89f7c', c: '#8aa58a', d: '#6f7f6a' },
    { bg: ['#eef2f0', '#dce5e1'], glow: '#ffffff', a: '#bcd0c6', b: '#8fae9f', c: '#d8b98c', d: '#5f7f72' },
    { bg: ['#f5efef', '#e8dcdc'], glow: '#ffffff', a: '#dcc0bd', b: '#bb938f', c: '#9fb08e', d: '#7d615e' },
    { bg: ['#f0f0f5', '#dfe0ea'], glow: '#ffffff', a: '#c4c6da', b: '#9a9dbd', c: '#d6be92', d: '#62658a' },
    { bg: ['#f4f2e8', '#e6e2cf'], glow: '#ffffff', a: '#d2cca3', b: '#aea677', c: '#8eb0a0', d: '#6d6a48' },
    { bg: ['#f2eee8', '#e3dbd0'], glow: '#ffffff', a: '#cdbfae', b: '#a8947c', c: '#a2b8c4', d: '#6b5b4c' },
  ])
  const { r } = ctx
  const cx = between(r, 420, 540)
  const cy = between(r, 330, 390)
  let out = backdrop(ctx, p.bg[0], p.bg[1], p.glow, cx, cy)
  for (let i = 5; i >= 1; i--) {
    out += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${i * 58}" fill="none" stroke="${p.a}" stroke-width="${n(3 + i)}" opacity="${n(0.2 + (5 - i) * 0.08)}"/>`
  }
  // a lotus, Vietnam's national flower, as a quiet generic emblem
  const petalFill = linear(ctx, [
    [0, p.b],
    [1, p.a],
  ])
  for (const [angle, length] of [
    [-62, 150],
    [62, 150],
    [-32, 185],
    [32, 185],
    [0, 200],
  ] as const) {
    out += `<g transform="translate(${n(cx)} ${n(cy + 80)}) rotate(${angle})"><path d="M0 0C-60 -40 -40 ${-length * 0.8} 0 ${-length}C40 ${-length * 0.8} 60 -40 0 0Z" fill="${petalFill}" stroke="${p.bg[0]}" stroke-width="4"/></g>`
  }
  out += `<path d="M${n(cx - 230)} ${n(cy + 100)}Q${n(cx)} ${n(cy + 150)} ${n(cx + 230)} ${n(cy + 100)}" stroke="${p.c}" stroke-width="10" fill="none" stroke-linecap="round" opacity="0.7"/>`
  out += leaf(cx + 60, cy + 118, 170, 40, -8, leafGradient(ctx, '#c6d9b8', p.c))
  out += leaf(cx - 60, cy + 118, 170, 40, 188, leafGradient(ctx, '#c6d9b8', p.c))
  return out
}

const DESIGNS: Record<string, Design> = {
  'mat-ong-nong-san-khac': honey,
  che: teaHills,
  'gao-ngu-coc': rice,
  'ca-phe-ca-cao': coffee,
  'tuong-nuoc-mam': sauces,
  'gia-vi-khac': spices,
  'rau-cu-qua-hat-tuoi': produce,
  'che-bien-tu-rau-qua': preserves,
  'thit-thuy-san-trung-sua-tuoi': freshSeafood,
  'che-bien-tu-thit-thuy-san': driedSeafood,
  'che-bien-tu-gao': riceDishes,
  'do-an-nhanh': snacks,
  'tra-thao-moc': herbalTea,
  'ruou-trang': riceSpirit,
  'do-uong-co-con-khac': fruitWine,
  'nuoc-khoang': water,
  'do-uong-khong-con': softDrinks,
  'thuc-pham-chuc-nang': remedies,
  'my-pham-duoc-lieu': cosmetics,
  'tinh-dau-duoc-lieu-khac': essentialOils,
  'do-gia-dung-trang-tri': homeware,
  'vai-may-mac': textiles,
  hoa: blossoms,
  'cay-canh': bonsai,
  'dong-vat-canh': koiPond,
  'du-lich-cong-dong': tourism,
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** The SVG source of a subgroup's placeholder. Pure: the same code and variant always give the same SVG. */
export function renderPlaceholderSvg(subgroupCode: string, variant: number): string {
  const normalisedVariant =
    ((Math.trunc(variant) % PLACEHOLDER_VARIANT_COUNT) + PLACEHOLDER_VARIANT_COUNT) % PLACEHOLDER_VARIANT_COUNT
  const design = DESIGNS[subgroupCode] ?? neutral
  const ctx: Ctx = {
    r: mulberry32(hashString(`${subgroupCode}:${normalisedVariant}`)),
    defs: [],
    seq: 0,
    variant: normalisedVariant,
  }
  const body = design(ctx)
  // Odd variants are mirrored so that neighbouring cards do not share a composition.
  const content = normalisedVariant % 2 === 1 ? `<g transform="translate(${W} 0) scale(-1 1)">${body}</g>` : body
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${ctx.defs.join('')}</defs>${content}</svg>`
}

const NEUTRAL_CODE = 'neutral'
const RENDER_CONCURRENCY = 4
const WEBP_QUALITY = 80
// Effort 2 encodes about twice as fast as the default 4 for ~5% larger files: these are flat illustrations.
const WEBP_EFFORT = 2

type PlaceholderSet = { groupCode: string; subgroupCode: string }

function placeholderSets(): PlaceholderSet[] {
  const sets = OCOP_GROUPS.flatMap((group) =>
    group.subgroups.map((subgroup) => ({ groupCode: group.code, subgroupCode: subgroup.code })),
  )
  return [...sets, { groupCode: NEUTRAL_CODE, subgroupCode: NEUTRAL_CODE }]
}

/** Path under the media directory, e.g. `placeholders/thuc-pham/che-2-640.webp` (the 960 file has no suffix). */
export function placeholderRelativePath(
  groupCode: string,
  subgroupCode: string,
  variant: number,
  width: number = W,
): string {
  const suffix = width === W ? '' : `-${width}`
  return `placeholders/${groupCode}/${subgroupCode}-${variant}${suffix}.webp`
}

/** Renders one placeholder at every responsive width, as WebP buffers keyed by width. */
export async function renderPlaceholderWebps(
  subgroupCode: string,
  variant: number,
  widths: readonly number[] = IMAGE_WIDTHS,
): Promise<Map<number, Buffer>> {
  // Rasterise the SVG once and downscale the pixels: librsvg is the slow step.
  const { data, info } = await sharp(Buffer.from(renderPlaceholderSvg(subgroupCode, variant)))
    .raw()
    .toBuffer({ resolveWithObject: true })
  const raw = { width: info.width, height: info.height, channels: info.channels }
  const output = new Map<number, Buffer>()
  for (const width of widths) {
    const image = sharp(data, { raw }).removeAlpha()
    if (width !== info.width) image.resize(width, Math.round((width * H) / W))
    output.set(width, await image.webp({ quality: WEBP_QUALITY, effort: WEBP_EFFORT }).toBuffer())
  }
  return output
}

async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next++]
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

/**
 * Writes every subgroup's placeholders (plus the neutral set for unknown subgroups) into
 * `<mediaDir>/placeholders/`, skipping files that already exist, so it is cheap to call at start-up.
 */
export async function ensurePlaceholderImages(): Promise<void> {
  const jobs: { subgroupCode: string; variant: number; missing: { width: number; path: string }[] }[] = []
  for (const { groupCode, subgroupCode } of placeholderSets()) {
    for (let variant = 0; variant < PLACEHOLDER_VARIANT_COUNT; variant++) {
      const missing = IMAGE_WIDTHS.map((width) => ({
        width,
        path: placeholderRelativePath(groupCode, subgroupCode, variant, width),
      })).filter((file) => !mediaFileExists(file.path))
      if (missing.length > 0) jobs.push({ subgroupCode, variant, missing })
    }
  }
  await runPool(jobs, RENDER_CONCURRENCY, async (job) => {
    const images = await renderPlaceholderWebps(
      job.subgroupCode,
      job.variant,
      job.missing.map((file) => file.width),
    )
    for (const file of job.missing) {
      const image = images.get(file.width)
      if (image) await writeMediaFile(file.path, image)
    }
  })
}

export type PlaceholderImage = { url: string; altVi: string; altEn: string; width: number; height: number }

/**
 * The placeholder image record for a product without photos. The variant comes from a hash of the slug
 * (not from the product's position) so a product keeps its picture when the catalogue is reordered.
 */
export function placeholderImages(product: {
  slug: string
  groupCode: string
  subgroupCode: string
  nameVi: string
  nameEn: string
}): PlaceholderImage[] {
  const group = OCOP_GROUPS.find((candidate) =>
    candidate.subgroups.some((subgroup) => subgroup.code === product.subgroupCode),
  )
  const groupCode = group ? group.code : NEUTRAL_CODE
  const subgroupCode = group ? product.subgroupCode : NEUTRAL_CODE
  const variant = hashString(product.slug) % PLACEHOLDER_VARIANT_COUNT
  return [
    {
      url: `${MEDIA_URL_PREFIX}/${placeholderRelativePath(groupCode, subgroupCode, variant)}`,
      altVi: `Hình minh họa: ${product.nameVi}`,
      altEn: `Illustration: ${product.nameEn}`,
      width: W,
      height: H,
    },
  ]
}
