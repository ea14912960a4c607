/**
 * Mail domains that anyone can get an address at (SPEC D1): no organization may hold them, or
 * "anyone at gmail.com may join" would let the whole world in. Compared on the registrable part
 * too, so a national variant (yahoo.co.uk, gmx.de) or a sub-domain of one is refused as well.
 */
export const publicMailDomains: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "passport.com",
  "yahoo.com",
  "ymail.com",
  "rocketmail.com",
  "aol.com",
  "aim.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "gmx.com",
  "gmx.net",
  "gmx.de",
  "gmx.at",
  "gmx.ch",
  "web.de",
  "t-online.de",
  "freenet.de",
  "posteo.de",
  "mailbox.org",
  "zoho.com",
  "zohomail.com",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
  "126.com",
  "fastmail.com",
  "hey.com",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "libero.it",
  "seznam.cz",
  "wp.pl",
  "onet.pl",
  "naver.com",
  "rediffmail.com",
  "duck.com",
  "mail.com",
]);

/** Families whose every national domain is public: yahoo.co.uk, hotmail.fr, outlook.de … */
const publicFamilies = ["gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "gmx", "aol", "icloud", "protonmail", "yandex"];

export function isPublicMailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, "");
  const labels = d.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (publicMailDomains.has(labels.slice(i).join("."))) return true;
  }
  // "yahoo.co.uk", "hotmail.fr": the family name followed only by a public suffix of one or two short labels.
  for (let i = 0; i < labels.length - 1; i++) {
    const rest = labels.slice(i + 1);
    if (publicFamilies.includes(labels[i]) && rest.length <= 2 && rest.every((l) => l.length <= 3)) return true;
  }
  return false;
}
