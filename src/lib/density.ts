/** How tall the inbox's rows are: a preference, read by the table. */
export const DENSITIES = ['comfortable', 'compact'] as const
export type Density = (typeof DENSITIES)[number]

export const DEFAULT_DENSITY: Density = 'comfortable'

export const DENSITY_LABELS: Record<Density, string> = { comfortable: 'Comfortable', compact: 'Compact' }
