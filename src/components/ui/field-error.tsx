/** A server's complaint about one parameter, shown under the control that sets it. */
export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p id={id} role="alert" dir="auto" className="text-xs font-medium break-words text-rose-700 dark:text-rose-300">
      {message}
    </p>
  )
}
