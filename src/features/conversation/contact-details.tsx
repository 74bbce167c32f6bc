import type { ReactNode } from 'react'
import { cleanLine } from '../../lib/plain-text'

export interface ContactFacts {
  email?: string | null
  phone?: string | null
  companyName?: string | null
  channel?: string
  /** The assignee's display name, or undefined when nobody is assigned. */
  assignee?: string
  tags?: readonly string[] | null
  starred?: boolean | null
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="w-24 shrink-0 text-slate-500 dark:text-slate-400">{term}</dt>
      <dd dir="auto" className="min-w-0 truncate">
        {children}
      </dd>
    </div>
  )
}

/** The contact's details, as text: nothing from HighLevel becomes a link here. */
export function ContactDetails({ facts }: { facts: ContactFacts }) {
  const email = cleanLine(facts.email)
  const phone = cleanLine(facts.phone)
  const company = cleanLine(facts.companyName)
  const tags = (facts.tags ?? []).map(cleanLine).filter(Boolean)
  return (
    <dl aria-label="Contact details" className="flex flex-col gap-1 border-b border-slate-200 px-4 py-3 text-sm dark:border-slate-800">
      {email && <Fact term="Email">{email}</Fact>}
      {phone && <Fact term="Phone">{phone}</Fact>}
      {company && <Fact term="Company">{company}</Fact>}
      {facts.channel && <Fact term="Channel">{facts.channel}</Fact>}
      <Fact term="Assigned to">{facts.assignee ?? 'Unassigned'}</Fact>
      {facts.starred && <Fact term="Starred">Yes</Fact>}
      {tags.length > 0 && <Fact term="Tags">{tags.join(', ')}</Fact>}
    </dl>
  )
}
