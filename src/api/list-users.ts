import { queryOptions } from '@tanstack/react-query'
import { getJson } from './http'
import { usersResponseSchema, type User } from './schemas/user'

/** The location's users (`GET /users/`): names for assignees, followers and mentions. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const response = await getJson('/api/users/', usersResponseSchema, { signal })
  return response.users.filter((user) => !user.deleted)
}

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listUsers(signal),
      staleTime: 10 * 60_000,
    }),
  /** The same list as display names by id: one Map per answer, shared by every reader. */
  names: () => queryOptions({ ...userQueries.list(), select: userNames }),
}

const namesByList = new WeakMap<User[], ReadonlyMap<string, string>>()

/** The users' display names by id, built once per list (rows and filters read it often). */
export function userNames(users: User[]): ReadonlyMap<string, string> {
  let names = namesByList.get(users)
  if (!names) {
    names = new Map(users.map((user) => [user.id, userDisplayName(user)]))
    namesByList.set(users, names)
  }
  return names
}

/** The name to show for a user: name, else first + last, else email, else the id. */
export function userDisplayName(user: User): string {
  const full = [user.firstName, user.lastName].filter(Boolean).join(' ')
  return user.name?.trim() || full || user.email || user.id
}
