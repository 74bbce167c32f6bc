import { describe, expect, it } from 'vitest'
import { activeReadyMadeView, readyMadeViews } from './ready-made-views'
import { parseView } from '../../view/view-url'

describe('readyMadeViews', () => {
  it('opens each triage view by its URL', () => {
    expect(readyMadeViews(undefined)).toEqual([
      { name: 'Waiting on us', search: '?lastMessageDirection=inbound' },
      { name: 'Longest waiting', search: '?lastMessageDirection=inbound&sort=asc' },
      { name: 'Only a bot replied', search: '?lastMessageDirection=outbound&lastMessageAction=automated' },
      { name: 'Unassigned and unread', search: '?status=unread&assignedTo=unassigned' },
    ])
  })

  it('adds "Mine" once the person has said who they are', () => {
    expect(readyMadeViews('user42').at(-1)).toEqual({ name: 'Mine', search: '?assignedTo=user42' })
  })

  it('writes URLs that parse back without issues', () => {
    for (const view of readyMadeViews('user42')) {
      expect(parseView(new URLSearchParams(view.search)).issues).toEqual([])
    }
  })
})

describe('activeReadyMadeView', () => {
  const views = readyMadeViews('user42')

  it('is the view the URL shows exactly', () => {
    expect(activeReadyMadeView(views, '?lastMessageDirection=inbound&sort=asc')?.name).toBe('Longest waiting')
    expect(activeReadyMadeView(views, '?assignedTo=user42')?.name).toBe('Mine')
  })

  it('is none when the URL adds or lacks a filter', () => {
    expect(activeReadyMadeView(views, '?lastMessageDirection=inbound&lastMessageType=TYPE_SMS')).toBeUndefined()
    expect(activeReadyMadeView(views, '')).toBeUndefined()
  })
})
