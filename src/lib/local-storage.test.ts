// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserStore } from './local-storage'

const parseCount = (raw: string | null) => ({ count: raw === null ? 0 : Number(JSON.parse(raw).count) })

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('browserStore', () => {
  it('keeps the same value object until the stored string changes', () => {
    const store = browserStore('test:count', parseCount)
    const first = store.get()
    expect(store.get()).toBe(first)
    store.update((current) => ({ count: current.count + 1 }))
    expect(store.get()).not.toBe(first)
    expect(store.get()).toEqual({ count: 1 })
    expect(localStorage.getItem('test:count')).toBe('{"count":1}')
  })

  it('tells this tab at once, and hears the other tabs', () => {
    const store = browserStore('test:count', parseCount)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.update(() => ({ count: 2 }))
    expect(listener).toHaveBeenCalledTimes(1)
    localStorage.setItem('test:count', '{"count":7}')
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:count' }))
    expect(listener).toHaveBeenCalledTimes(2)
    expect(store.get()).toEqual({ count: 7 })
    unsubscribe()
  })

  it('keeps the last value for the page where storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('blocked')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('blocked')
    })
    const store = browserStore('test:blocked', parseCount)
    expect(store.get()).toEqual({ count: 0 })
    store.update(() => ({ count: 3 }))
    expect(store.get()).toEqual({ count: 3 })
  })
})
