import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { userDisplayName, userQueries } from '../../api/list-users'

export interface UserOption {
  id: string
  name: string
}

/** The location's users by name; an id with no known user reads as the id. */
export function useUserDirectory() {
  const { data, isError } = useQuery(userQueries.list())
  const users = useMemo<UserOption[]>(
    () =>
      (data ?? [])
        .map((user) => ({ id: user.id, name: userDisplayName(user) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [data],
  )
  const names = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users])
  const userName = useCallback((id: string) => names.get(id) ?? id, [names])
  return { users, userName, usersFailed: isError }
}
