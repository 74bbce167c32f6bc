import { useMemo } from 'react'
import { countSms } from './sms-segments'

/** Characters and segments of an SMS, and why a segment got shorter. */
export function SmsCounter({ id, text }: { id: string; text: string }) {
  const count = useMemo(() => countSms(text), [text])
  return (
    <p id={id} className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
      {count.characters.toLocaleString()} {count.characters === 1 ? 'character' : 'characters'} · {count.segments}{' '}
      {count.segments === 1 ? 'segment' : 'segments'} ({count.encoding}
      {count.encoding === 'UCS-2' && ': a character outside GSM-7 makes each segment 70 characters, 67 when split'})
    </p>
  )
}
