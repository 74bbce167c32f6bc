// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { subscribeToStorage } from '../../lib/local-storage'
import { parseSavedViews, savedViewsStore, storageKey } from './saved-views-store'

describe('saved views store', () => {
  beforeEach(() => window.localStorage.clear())

  it('keeps one list per location', () => {
    savedViewsStore(storageKey('loc-a')).add('Unread', '?status=unread')
    expect(savedViewsStore(storageKey('loc-a')).get()).toMatchObject([{ name: 'Unread', search: '?status=unread' }])
    expect(savedViewsStore(storageKey('loc-b')).get()).toEqual([])
  })

  it('adds, renames and removes, tidying names and refusing empty ones', () => {
    const store = savedViewsStore(storageKey('loc'))
    const view = store.add('  My   view ', '')
    expect(view?.name).toBe('My view')
    expect(store.add('   ', '?status=read')).toBeUndefined()
    store.rename(view?.id ?? '', 'Renamed')
    expect(savedViewsStore(storageKey('loc')).get()).toMatchObject([{ name: 'Renamed', search: '' }])
    store.rename(view?.id ?? '', ' ')
    expect(savedViewsStore(storageKey('loc')).get()[0]?.name).toBe('Renamed')
    store.remove(view?.id ?? '')
    expect(savedViewsStore(storageKey('loc')).get()).toEqual([])
  })

  it('notifies this tab’s subscribers on every write', () => {
    const listener = vi.fn()
    const unsubscribe = subscribeToStorage(storageKey('loc'), listener)
    savedViewsStore(storageKey('loc')).add('A', '')
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    savedViewsStore(storageKey('loc')).add('B', '')
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('survives garbage in storage, keeping the entries that are valid', () => {
    expect(parseSavedViews('not json')).toEqual([])
    expect(parseSavedViews('{"a":1}')).toEqual([])
    expect(
      parseSavedViews(JSON.stringify([{ id: '1', name: 'Good', search: '?status=read' }, { id: '2', name: '', search: '' }, { id: '3', name: 'Bad', search: 'http://evil' }])),
    ).toEqual([{ id: '1', name: 'Good', search: '?status=read' }])
  })
})
