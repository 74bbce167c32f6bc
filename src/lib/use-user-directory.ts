import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { userQueries } from '../api/list-users'

export interface UserOption {
  id: string
  name: string
}

/** The location's users by name; an id with no known user reads as the id. */
export function useUserDirectory() {
  const { data: names, isError } = useQuery(userQueries.names())
  const users = useMemo<UserOption[]>(
    () => [...(names ?? [])].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [names],
  )
  const userName = useCallback((id: string) => names?.get(id) ?? id, [names])
  return { users, userName, usersFailed: isError }
}
