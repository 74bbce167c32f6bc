import { afterEach, describe, expect, it, vi } from 'vitest'
import { getEmail } from './get-email'

afterEach(() => vi.unstubAllGlobals())

const email = { id: 'e1', threadId: 't1', subject: 'Order 42', direction: 'inbound', body: '<p>Hi</p>' }

describe('getEmail', () => {
  it('reads the email as the spec answers it, and wrapped in emailMessage', async () => {
    const fetchMock = vi.fn(async (_url: string) => Response.json(email))
    vi.stubGlobal('fetch', fetchMock)
    expect(await getEmail('e1')).toMatchObject({ id: 'e1', threadId: 't1', subject: 'Order 42' })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/conversations/messages/email/e1')
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ emailMessage: email })))
    expect(await getEmail('e1')).toMatchObject({ id: 'e1', subject: 'Order 42' })
  })
})
