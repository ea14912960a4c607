const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(value: Date | string) {
  return `${dateTime.format(new Date(value))} UTC`;
}

export function formatDate(value: Date | string) {
  return date.format(new Date(value));
}

export function displayName(user: { name?: string | null; firstName?: string | null; lastName?: string | null; email: string }) {
  const full = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return user.name || full || user.email;
}
