import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useParams } from 'react-router'
import { userQueries } from '../../api/list-users'
import { usePreferences } from '../../features/preferences/use-preferences'
import { setOwnPresence } from '../../lib/presence-store'

/** Tells the team who this tab is ("who am I") and which conversation it views. */
export function useOwnPresence(): void {
  const { conversationId } = useParams()
  const { myUserId } = usePreferences()
  const { data: userNames } = useQuery(userQueries.names())
  const name = myUserId ? userNames?.get(myUserId) : undefined
  useEffect(() => setOwnPresence({ name, viewing: conversationId }), [name, conversationId])
}
