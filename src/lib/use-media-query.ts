import { useCallback, useSyncExternalStore } from 'react'

/** Below Tailwind's `sm` breakpoint (640 px): rows become cards, the pane takes the screen. */
export const PHONE_QUERY = '(max-width: 639.98px)'

/** Whether a media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false)
}
