/** Password advice as typed: under the minimum blocks the form, under the suggestion only hints. */
export function passwordAdvice(password: string, min: number, suggested: number) {
  if (password.length < min) return 'short' as const;
  if (password.length < suggested) return 'fine' as const;
  return 'good' as const;
}
