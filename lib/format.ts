const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(value: Date | string) {
  return `${dateTime.format(new Date(value))} UTC`;
}

const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });

/** "14:05 UTC": a time within the next minutes or hours. */
export function formatTime(value: Date | string) {
  return `${time.format(new Date(value))} UTC`;
}

export function formatDate(value: Date | string) {
  return date.format(new Date(value));
}

export function displayName(user: { name?: string | null; firstName?: string | null; lastName?: string | null; email: string }) {
  const full = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return user.name || full || user.email;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * "2 minutes ago", "yesterday", "3 days ago"; from a week on, the date. The exact time belongs in
 * a title or <time> beside it (formatDateTime).
 */
export function formatRelative(value: Date | string, now = new Date()) {
  const then = new Date(value);
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), "day");
  return formatDate(then);
}

/** "1 seat", "3 seats": the one plural of the code base (English, regular nouns). */
export function plural(n: number, word: string, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

/** "Ana, Bo and Cy", "Ana, Bo, Cy and 4 more": the people an action names before it runs. */
export function namesList(names: string[], max = 3) {
  if (names.length <= max) return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}
