import { createContext } from 'react'
import { DEFAULT_RESPONSE_TARGET_MS } from '../../lib/waiting-time'

/** The response-time target for the Waiting cells, without threading it through every row. */
export const ResponseTargetContext = createContext(DEFAULT_RESPONSE_TARGET_MS)
