import { z } from 'zod/mini'

/** A user of the location, from `GET /users/?locationId=`: the names for assignees and followers. */
export const userSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  firstName: z.nullish(z.string()),
  lastName: z.nullish(z.string()),
  email: z.nullish(z.string()),
  deleted: z.nullish(z.boolean()),
})
export type User = z.infer<typeof userSchema>

export const usersResponseSchema = z.looseObject({
  users: z.array(userSchema),
})
