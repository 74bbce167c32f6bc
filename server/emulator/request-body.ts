import { isRecord } from './fixtures'
import { badRequest, unprocessable } from './responses'

/**
 * A write's JSON body, read as HighLevel's NestJS stack does: an empty body is `{}`, text that is
 * not JSON is a 400, and JSON that is not an object fails validation as class-validator says it.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | Response> {
  const text = await request.text()
  if (text.trim() === '') return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return badRequest('Bad Request')
  }
  return isRecord(body) ? body : unprocessable(['an unknown value was passed to the validate function'])
}

/**
 * Checks a body field by field in class-validator's words, collecting every problem at once
 * (HighLevel answers them all in one 422). Properties not in `known` are refused, as a
 * `forbidNonWhitelisted` validation pipe does.
 */
export class BodyCheck {
  readonly messages: string[] = []

  constructor(
    private readonly body: Record<string, unknown>,
    known: readonly string[],
  ) {
    for (const name of Object.keys(body)) if (!known.includes(name)) this.messages.push(`property ${name} should not exist`)
  }

  get ok(): boolean {
    return this.messages.length === 0
  }

  /** A string, or undefined when absent; `required` also refuses the empty string, `nullable` lets null through. */
  string(name: string, rules: { required?: boolean; nullable?: boolean; maxLength?: number } = {}): string | null | undefined {
    const value = this.body[name]
    if (value === undefined || (value === null && !rules.nullable)) {
      if (rules.required) this.messages.push(`${name} should not be empty`, `${name} must be a string`)
      return undefined
    }
    if (value === null) return null
    if (typeof value !== 'string') {
      this.messages.push(`${name} must be a string`)
      return undefined
    }
    if (rules.required && value === '') {
      this.messages.push(`${name} should not be empty`)
      return undefined
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      this.messages.push(`${name} must be shorter than or equal to ${rules.maxLength} characters`)
      return undefined
    }
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], rules: { required?: boolean } = {}): T | undefined {
    const value = this.body[name]
    if (value === undefined && !rules.required) return undefined
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.messages.push(`${name} must be one of the following values: ${allowed.join(', ')}`)
      return undefined
    }
    return value as T
  }

  boolean(name: string): boolean | undefined {
    const value = this.body[name]
    if (value === undefined || typeof value === 'boolean') return value
    this.messages.push(`${name} must be a boolean value`)
    return undefined
  }

  /** A whole number from 0 (a count). */
  count(name: string): number | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.messages.push(`${name} must be a number conforming to the specified constraints`)
    } else if (!Number.isInteger(value)) {
      this.messages.push(`${name} must be an integer number`)
    } else if (value < 0) {
      this.messages.push(`${name} must not be less than 0`)
    } else {
      return value
    }
    return undefined
  }

  strings(name: string): string[] | undefined {
    const value = this.body[name]
    if (value === undefined) return undefined
    if (!Array.isArray(value)) {
      this.messages.push(`${name} must be an array`)
      return undefined
    }
    if (!value.every((item) => typeof item === 'string')) {
      this.messages.push(`each value in ${name} must be a string`)
      return undefined
    }
    return value as string[]
  }

  object(name: string): void {
    const value = this.body[name]
    if (value !== undefined && !isRecord(value)) this.messages.push(`${name} must be an object`)
  }
}
