// Stand-in for the `server-only` package in tests (it throws outside React Server Components).
export {};
