/** Outline icons (24 × 24, drawn with the current colour); decorative: always aria-hidden. */
const PATHS = {
  other: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17ZM8 12h.01M12 12h.01M16 12h.01',
  inbound: 'M17 7 7 17m0-9v9h9',
  outbound: 'M7 17 17 7m-9 0h9v9',
  bot: 'M8 8.5h8a3 3 0 0 1 3 3V17a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-5.5a3 3 0 0 1 3-3Zm4 0V5m-2.5 8v1m5-1v1M12 5h.01',
  person: 'M12 11.5a3.75 3.75 0 1 0 0-7.5 3.75 3.75 0 0 0 0 7.5ZM4.5 20a7.5 7.5 0 0 1 15 0',
  star: 'm12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm9 16-4-4',
  alert: 'M12 4 2.5 20h19L12 4Zm0 6v4.5m0 3h.01',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, className = 'size-4', filled = false }: { name: IconName; className?: string; filled?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={`shrink-0 ${className}`}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
