import { useMemo } from 'react'
import { useBrowserStore } from '../../lib/use-browser-store'
import {
  DEFAULT_PREFERENCES,
  preferencesStore,
  updatePreferences,
  type Preferences,
  type Theme,
} from './preferences-store'
import type { Density } from '../../lib/density'

export interface PreferencesApi extends Preferences {
  setTheme: (theme: Theme) => void
  setDensity: (density: Density) => void
  setResponseTargetMs: (targetMs: number) => void
  /** `undefined` forgets who I am. */
  setMyUserId: (userId: string | undefined) => void
  setMarkReadOnOpen: (markReadOnOpen: boolean) => void
}

const setters = {
  setTheme: (theme: Theme) => updatePreferences({ theme }),
  setDensity: (density: Density) => updatePreferences({ density }),
  setResponseTargetMs: (responseTargetMs: number) => updatePreferences({ responseTargetMs }),
  setMyUserId: (myUserId: string | undefined) => updatePreferences({ myUserId }),
  setMarkReadOnOpen: (markReadOnOpen: boolean) => updatePreferences({ markReadOnOpen }),
}

/** The comfort preferences and their setters; every tab of this browser follows changes. */
export function usePreferences(): PreferencesApi {
  const preferences = useBrowserStore(preferencesStore, DEFAULT_PREFERENCES)
  return useMemo(() => ({ ...preferences, ...setters }), [preferences])
}
