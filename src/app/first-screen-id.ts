/** The id of the `<script type="application/json">` that carries the first screen (see first-screen.ts). */
export const FIRST_SCREEN_ELEMENT_ID = 'first-screen'
