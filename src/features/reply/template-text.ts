import type { Template } from '../../api/schemas/template'
import { htmlToText } from '../../lib/plain-text'
import { fillPlaceholders, type PlaceholderValues } from './placeholders'

export interface TemplateText {
  text: string
  subject: string | undefined
  /** The template is HTML, inserted as its text: its formatting is not kept. */
  fromHtml: boolean
}

/** A template's text to insert, with the placeholders the inbox knows filled in. */
export function templateText(template: Template, values: PlaceholderValues): TemplateText {
  const { body, html, subject } = template.template ?? {}
  const fromHtml = !body && Boolean(html)
  const text = body ?? (html ? htmlToText(html) : '')
  return {
    text: fillPlaceholders(text, values),
    subject: subject ? fillPlaceholders(subject, values) : undefined,
    fromHtml,
  }
}

/** `text` with `insert` put at the cursor, and where the cursor goes after it. */
export function insertAt(text: string, insert: string, start: number, end: number): { text: string; cursor: number } {
  const before = text.slice(0, start)
  const after = text.slice(end)
  return { text: before + insert + after, cursor: before.length + insert.length }
}
