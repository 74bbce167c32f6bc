import { afterEach, describe, expect, it, vi } from 'vitest'
import { listTemplates, TEMPLATES_PAGE_SIZE } from './list-templates'

afterEach(() => vi.unstubAllGlobals())

function stubFetch(body: unknown) {
  const fetchMock = vi.fn(async (_url: string) => Response.json(body))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const sms = (id: string) => ({ id, name: `T ${id}`, type: 'sms', template: { body: 'Hi {{contact.first_name}}' } })

describe('listTemplates', () => {
  it('sends the location id as originId, the type and the paging', async () => {
    const fetchMock = stubFetch({ templates: [sms('t1')], totalCount: 1 })
    await listTemplates('loc1', 'sms', 0)
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://x')
    expect(url.pathname).toBe('/api/locations/loc1/templates')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      originId: 'loc1',
      type: 'sms',
      skip: '0',
      limit: String(TEMPLATES_PAGE_SIZE),
    })
  })

  it('pages by totalCount, and skips an odd template without hiding the rest', async () => {
    const page = Array.from({ length: TEMPLATES_PAGE_SIZE }, (_, index) => (index === 3 ? { id: 7 } : sms(`t${index}`)))
    stubFetch({ templates: page, totalCount: TEMPLATES_PAGE_SIZE + 1 })
    const first = await listTemplates('loc1', 'sms', 0)
    expect(first.templates).toHaveLength(TEMPLATES_PAGE_SIZE - 1)
    expect(first.nextSkip).toBe(TEMPLATES_PAGE_SIZE)
    stubFetch({ templates: [sms('last')], totalCount: TEMPLATES_PAGE_SIZE + 1 })
    expect((await listTemplates('loc1', 'sms', TEMPLATES_PAGE_SIZE)).nextSkip).toBeUndefined()
  })

  it('reads email templates’ subject and html', async () => {
    stubFetch({ templates: [{ id: 'e1', name: 'Welcome', type: 'email', template: { subject: 'Hello', html: '<p>Hi</p>' } }] })
    const { templates, nextSkip } = await listTemplates('loc1', 'email', 0)
    expect(templates[0]?.template).toEqual({ subject: 'Hello', html: '<p>Hi</p>' })
    expect(nextSkip).toBeUndefined()
  })
})
