import { z } from 'zod'

/** A user of the location, from `GET /users/?locationId=`: the names for assignees and followers. */
export const userSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  deleted: z.boolean().nullish(),
})
export type User = z.infer<typeof userSchema>

export const usersResponseSchema = z.looseObject({
  users: z.array(userSchema),
})
