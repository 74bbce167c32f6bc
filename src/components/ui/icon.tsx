import type { CSSProperties } from 'react'

interface IconProps {
  /** SVG path strings of a 24×24 drawing: a glyph of `ICONS`, or a value's icon from `lib/labels`. */
  paths: readonly string[]
  className?: string
  /** Spoken name; without one the icon is decoration (aria-hidden). */
  label?: string
  /** Filled with the current colour, as a set star is. */
  filled?: boolean
}

/** The app's one icon component: a 24×24 stroke drawing. */
export function Icon({ paths, className = 'size-4', label, filled = false }: IconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={`shrink-0 ${className}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {paths.map((path) => (
        <path key={path} d={path} />
      ))}
    </svg>
  )
}

const iconImages = new Map<string, string>()

/**
 * An icon as a CSS image, for the `icon-mask` utility (index.css): a box, or a `::before`,
 * painted in the text colour through the drawing, where a list shows many (rows are redrawn as
 * they scroll in: one box instead of an `<svg>` and its paths). The same drawing as `Icon`'s.
 */
export function iconMask(paths: readonly string[], filled = false): CSSProperties {
  const key = `${filled ? 'filled ' : ''}${paths.join(' ')}`
  let image = iconImages.get(key)
  if (image === undefined) {
    const drawing = paths.map((path) => `<path d='${path}'/>`).join('')
    const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='${filled ? 'black' : 'none'}' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>${drawing}</svg>`
    image = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
    iconImages.set(key, image)
  }
  return { '--icon': image } as CSSProperties
}

/** Small glyphs the primitives share. */
export const ICONS = {
  close: ['M18 6 6 18', 'M6 6l12 12'],
  link: ['M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7', 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'],
  check: ['M20 6 9 17l-5-5'],
  mail: ['M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'm3 7 9 6 9-6'],
  mailOpen: ['M3 10v9a1 1 0 0 0 1 1h16a1 1 0 0 0 1-1v-9l-9-6z', 'm3 10 9 6 9-6'],
  user: ['M20 21a8 8 0 0 0-16 0', 'M12 13a5 5 0 1 0 0-10 5 5 0 0 0 0 10z'],
  back: ['M19 12H5', 'm12 19-7-7 7-7'],
  filter: ['M22 3H2l8 9.5V19l4 2v-8.5z'],
  search: ['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M21 21l-4.3-4.3'],
  chevron: ['m6 9 6 6 6-6'],
  bookmark: ['M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z'],
  pencil: ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'],
  trash: ['M3 6h18', 'M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6', 'M10 11v6', 'M14 11v6', 'M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2'],
  star: ['m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z'],
  warning: ['M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4', 'M12 17h.01'],
} as const
