// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { saveDraft } from './draft-store'
import { useDraftIds } from './use-drafts'

beforeEach(() => window.localStorage.clear())

describe('useDraftIds', () => {
  it('lists the conversations with a draft, and keeps the same Set while nothing changes', () => {
    const { result, rerender } = renderHook(() => useDraftIds())
    expect([...result.current]).toEqual([])
    act(() => saveDraft('c1', { text: 'x' }))
    const first = result.current
    expect([...first]).toEqual(['c1'])
    rerender()
    expect(result.current).toBe(first)
    act(() => saveDraft('c1', { text: '' }))
    expect(result.current.has('c1')).toBe(false)
  })
})
