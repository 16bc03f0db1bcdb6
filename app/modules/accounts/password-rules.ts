/** Password length limits: shared by the forms (in the browser) and the server. */
export const PASSWORD_RULES = { min: 8, max: 200 } as const
