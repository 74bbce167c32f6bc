import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, ResponseShapeError } from './http'
import { sendMessage, sentMessageId } from './send-message'

afterEach(() => vi.unstubAllGlobals())

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

describe('sendMessage', () => {
  it('POSTs the body as JSON, marked as the app’s own request, and reads the new id', async () => {
    const fetchMock = stubFetch(Response.json({ conversationId: 'c1', messageId: 'm9', status: 'pending' }))
    const answer = await sendMessage({ type: 'SMS', contactId: 'k1', message: 'Hi' })
    expect(sentMessageId(answer)).toBe('m9')
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/conversations/messages')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('X-HighLevel-Inbox')).toBe('1')
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(String(init?.body))).toEqual({ type: 'SMS', contactId: 'k1', message: 'Hi' })
  })

  it('takes the first of messageIds when HighLevel answers a list', () => {
    expect(sentMessageId({ messageIds: ['a', 'b'] })).toBe('a')
    expect(sentMessageId({})).toBeUndefined()
  })

  it('throws HighLevel’s error body on a refusal', async () => {
    stubFetch(Response.json({ statusCode: 422, message: ['contact has no phone number'] }, { status: 422 }))
    const error: unknown = await sendMessage({ type: 'SMS', contactId: 'k1', message: 'Hi' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(422)
    expect((error as ApiError).message).toBe('contact has no phone number')
  })

  it('says so when a 2xx answer is not an object', async () => {
    stubFetch(Response.json(['odd']))
    await expect(sendMessage({ type: 'SMS', contactId: 'k1', message: 'Hi' })).rejects.toBeInstanceOf(ResponseShapeError)
  })
})
