/** The id of the selection bar's Assign button. */
export const ASSIGN_BUTTON_ID = 'bulk-assign'

/** `a` while rows are ticked: opens the selection bar's Assign list, as a click would. */
export function openBulkAssign(): void {
  document.getElementById(ASSIGN_BUTTON_ID)?.click()
}
