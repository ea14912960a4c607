import { signOutAction } from "./sign-out";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction} className="inline">
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
