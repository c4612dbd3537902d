/**
 * The one rule for which web links a glossary may carry. The compiler applies it when it keeps a link, the renderer
 * when it emits one, and the panel when it opens one; because it is the same function, a link the compiler accepts
 * is never refused later, and a link the panel would refuse is reported at compile time with its line.
 */

/** Links longer than this are not links a glossary needs (and the panel's messages refuse them). */
const MAX_LINK_LENGTH = 2048;

/** A path segment that is `.` or `..`, written plainly or percent-encoded (`%2e%2E`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Why a URL is refused, for diagnostics; undefined when it is accepted. */
export function httpUrlProblem(value: string): string | undefined {
  if (value.length > MAX_LINK_LENGTH) return `longer than ${MAX_LINK_LENGTH} characters`;
  // Browsers read `\` as `/` and drop tabs and line breaks, so such a link does not go where it seems to.
  if (/[\\\s\p{Cc}]/u.test(value)) return 'it contains a backslash, a space or a control character';
  // Written out in full: the URL parser would also read `https:evil.example` or `https:/evil.example` as a host.
  if (!/^https?:\/\/[^/]/i.test(value)) return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value) ? `the "${value.slice(0, value.indexOf(':')).toLowerCase()}:" scheme is not allowed (only http and https)` : 'it is not an absolute http(s) URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the "${url.protocol.slice(0, -1)}:" scheme is not allowed (only http and https)`;
  // Credentials in a link are a phishing device (`https://huggingface.co@evil.example`); a glossary never needs them.
  if (url.username !== '' || url.password !== '') return 'it carries a user name or password before the host';
  if (url.hostname === '') return 'it names no host';
  // `/docs/%2e%2e/evil` is resolved by the URL parser into another page than the one the text shows.
  const rest = value.slice(value.indexOf('//') + 2);
  const slash = rest.search(/[/?#]/);
  const path = slash >= 0 && rest[slash] === '/' ? rest.slice(slash).split(/[?#]/, 1)[0]! : '';
  if (path.split('/').some((segment) => DOT_SEGMENT.test(segment))) return 'its path contains a "." or ".." segment';
  return undefined;
}

/**
 * The normalized form of an absolute http(s) URL that passes the policy, or undefined. The URL parser decides the
 * scheme, so that tricks such as ` javascript:` or `JaVaScRiPt:` are judged as a browser would judge them.
 */
export function parseHttpUrl(value: string): string | undefined {
  if (httpUrlProblem(value) !== undefined) return undefined;
  return new URL(value).href;
}
