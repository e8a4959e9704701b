/**
 * A stand-in for `tldts`, which MSW reaches through tough-cookie (its cookie store) only to find a
 * cookie's registrable domain. The real package carries the whole public-suffix list: 300 kB of
 * JavaScript that a phone would parse and run on every start of the mock API, for cookies the mock
 * API never sets. This answers the same question for the hosts the demo runs on (localhost, an IP
 * address, a plain domain); it does not know multi-label suffixes such as `co.uk`.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || host.includes(':') || /^[\d.]+$/.test(host)) return null;
  const labels = host.split('.');
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
