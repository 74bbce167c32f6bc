// The English build alone: the full package loads every locale and costs ~300 ms at start-up.
import { faker } from '@faker-js/faker/locale/en'
import * as bodies from './bodies'
import type { BodyKind } from './channels'
import type { Random } from './random'

/**
 * Word pools filled by faker once per seed. Calling faker per field for 200,000 rows takes
 * seconds; picking from pools takes milliseconds and still reads like real data.
 */
export interface Pools {
  firstNames: string[]
  lastNames: string[]
  companies: string[]
  companyDomains: string[]
  products: string[]
  cities: string[]
}

const MAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com']

const poolsBySeed = new Map<number, Pools>()

/** Pools are the same for a seed, so emulators and message histories share them. */
export function poolsFor(seed: number): Pools {
  let pools = poolsBySeed.get(seed)
  if (!pools) {
    pools = createPools(seed)
    poolsBySeed.set(seed, pools)
  }
  return pools
}

function createPools(seed: number): Pools {
  // A shared instance, but seeded right before this synchronous use, so nothing can interleave.
  faker.seed(seed)
  const many = (count: number, make: () => string): string[] => Array.from({ length: count }, make)
  return {
    firstNames: many(400, () => faker.person.firstName()),
    lastNames: many(400, () => faker.person.lastName()),
    companies: many(150, () => faker.company.name()),
    companyDomains: [...many(40, () => faker.internet.domainName()), ...MAIL_DOMAINS, ...MAIL_DOMAINS],
    products: many(80, () => faker.commerce.productName()),
    cities: many(60, () => faker.location.city()),
  }
}

/** Who a body is about: filled into the templates' placeholders. */
export interface BodyContext {
  first: string
  agent: string
  company: string
}

/** Templates split once into literal text and slot names (odd positions): no regex per row. */
const compiled = new Map<string, string[]>()
function partsOf(template: string): string[] {
  let parts = compiled.get(template)
  if (!parts) {
    parts = template.split(/\{(\w+)\}/)
    compiled.set(template, parts)
  }
  return parts
}

/** Fills a template's `{slot}`s from the context, the pools and the random source. */
function fillerOf(context: BodyContext, pools: Pools, random: Random): (template: string) => string {
  const slot = (name: string): string => {
    switch (name) {
      case 'first':
        return context.first
      case 'agent':
        return context.agent
      case 'company':
        return context.company
      case 'product':
        return random.pick(pools.products)
      case 'city':
        return random.pick(pools.cities)
      case 'day':
        return random.pick(bodies.DAYS)
      case 'time':
        return random.pick(bodies.TIMES)
      case 'amount':
        return `$${random.int(20, 2500)}.${String(random.int(0, 99)).padStart(2, '0')}`
      default:
        return name
    }
  }
  return (template) => {
    const parts = partsOf(template)
    let text = parts[0] ?? ''
    for (let i = 1; i < parts.length; i += 2) text += slot(parts[i] ?? '') + (parts[i + 1] ?? '')
    return text
  }
}

/** An email's subject (the messages list omits it; `GET /conversations/messages/email/{id}` carries it). */
export function renderSubject(inbound: boolean, context: BodyContext, pools: Pools, random: Random): string {
  return fillerOf(context, pools, random)(random.pick(inbound ? bodies.INBOUND_SUBJECTS : bodies.OUTBOUND_SUBJECTS))
}

export function renderBody(
  kind: BodyKind,
  inbound: boolean,
  context: BodyContext,
  pools: Pools,
  random: Random,
): string {
  const fill = fillerOf(context, pools, random)
  switch (kind) {
    case 'empty':
      return ''
    case 'email':
      return fill(emailHtml(inbound, random))
    case 'review':
      return fill(random.pick(bodies.REVIEWS))
    case 'social':
      return fill(random.pick(bodies.SOCIAL_TEXTS))
    case 'activity':
      return fill(random.pick(bodies.ACTIVITIES))
    case 'comment':
      return fill(random.pick(bodies.COMMENTS))
    case 'form':
      return fill(random.pick(bodies.FORMS))
    case 'reaction':
      return fill(random.pick(bodies.REACTIONS))
    case 'text':
      return fill(random.pick(inbound ? bodies.INBOUND_TEXTS : bodies.OUTBOUND_TEXTS))
  }
}

/** HighLevel sends email bodies as HTML, so the app must never render them raw. */
function emailHtml(inbound: boolean, random: Random): string {
  const paragraphs = Array.from({ length: random.int(1, 3) }, () => random.pick(bodies.EMAIL_PARAGRAPHS))
  if (inbound) {
    return `<div dir="ltr">Hi {agent},<br><br>${paragraphs.join('<br><br>')}<br><br>Thanks,<br>{first}</div>`
  }
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('')
  return `<div style="font-family: Arial, sans-serif"><p>Hi {first},</p>${body}<p>Best regards,<br>{agent}<br><strong>{company}</strong></p></div>`
}
