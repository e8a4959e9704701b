/**
 * The authenticator key in groups of four, as apps show it for typing by hand: "JBSW Y3DP …".
 * Padding is dropped; apps do not want it.
 */
export function groupSecret(secret: string): string {
  return (secret.replace(/=+$/, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The recovery codes as a plain text file the person can keep. */
export function recoveryCodesFile(codes: string[], username: string, savedAt: Date): string {
  return [
    `Ashyq recovery codes for ${username}`,
    `Created ${savedAt.toISOString()}`,
    'Each code works once.',
    '',
    ...codes,
    '',
  ].join('\n');
}
