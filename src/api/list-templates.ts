import { infiniteQueryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { templateSchema, templatesResponseSchema, type Template, type TemplateType } from './schemas/template'

export const TEMPLATES_PAGE_SIZE = 50

export interface TemplatesPage {
  templates: Template[]
  /** Where the next page starts (`skip`); undefined on the last page. */
  nextSkip: number | undefined
}

/**
 * One page of `GET /locations/{locationId}/templates` (scope `locations/templates.readonly`).
 * `originId` is required and the spec does not say what it is: we send the location id
 * (the assumption is written down in docs/server.md).
 */
export async function listTemplates(
  locationId: string,
  type: TemplateType,
  skip: number,
  signal?: AbortSignal,
): Promise<TemplatesPage> {
  const params = new URLSearchParams({
    originId: locationId,
    type,
    skip: String(skip),
    limit: String(TEMPLATES_PAGE_SIZE),
  })
  const response = await getJson(`/api/locations/${encodeURIComponent(locationId)}/templates`, templatesResponseSchema, {
    params,
    signal,
  })
  const templates: Template[] = []
  for (const item of response.templates) {
    const parsed = templateSchema.safeParse(item)
    if (parsed.success) templates.push(parsed.data)
  }
  const seen = skip + response.templates.length
  const more =
    response.totalCount != null ? seen < response.totalCount : response.templates.length === TEMPLATES_PAGE_SIZE
  return { templates, nextSkip: more && response.templates.length > 0 ? seen : undefined }
}

export const templateQueries = {
  all: () => ['templates'] as const,
  list: (locationId: string, type: TemplateType) =>
    infiniteQueryOptions({
      queryKey: [...templateQueries.all(), locationId, type] as const,
      queryFn: ({ pageParam, signal }) => listTemplates(locationId, type, pageParam, signal),
      initialPageParam: 0,
      getNextPageParam: (lastPage: TemplatesPage) => lastPage.nextSkip,
      // Templates change rarely: one list per channel for the session's working hours.
      staleTime: 10 * 60_000,
    }),
}
