import { describe, expect, it } from 'vitest'
import { fillPlaceholders, unfilledPlaceholders } from './placeholders'

describe('fillPlaceholders', () => {
  const values = { contact: { name: 'Ana López', email: 'ana@example.com' }, userName: 'Sam Agent', locationName: 'Acme Dental' }

  it('fills what the inbox knows, in any spacing or case', () => {
    expect(fillPlaceholders('Hi {{contact.first_name}}, {{ user.name }} from {{Location.Name}}', values)).toBe(
      'Hi Ana, Sam Agent from Acme Dental',
    )
    expect(fillPlaceholders('{{contact.name}} <{{contact.email}}>', values)).toBe('Ana López <ana@example.com>')
  })

  it('prefers the contact’s own first name to the first word of the name', () => {
    expect(fillPlaceholders('{{contact.first_name}}', { contact: { firstName: 'María José', name: 'María José Ruiz' } })).toBe('María José')
  })

  it('leaves unknown and empty ones visible', () => {
    const text = 'Code {{contact.custom_code}} for {{contact.phone}} {{user.name}}'
    expect(fillPlaceholders(text, { contact: { phone: ' ' } })).toBe(text)
  })
})

describe('unfilledPlaceholders', () => {
  it('lists each remaining placeholder once', () => {
    expect(unfilledPlaceholders('{{a.b}} and {{ a.b }} and {{a.b}} and {c}')).toEqual(['{{a.b}}', '{{ a.b }}'])
    expect(unfilledPlaceholders('nothing here')).toEqual([])
  })
})
