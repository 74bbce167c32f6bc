import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { appConfigSchema, type AppConfig } from './schemas/config'

export function getConfig(signal?: AbortSignal): Promise<AppConfig> {
  return getJson('/config.json', appConfigSchema, { signal })
}

export const configQueries = {
  config: () =>
    queryOptions({
      queryKey: ['config'] as const,
      queryFn: ({ signal }) => getConfig(signal),
      staleTime: Infinity,
    }),
}
