import { benchContext, requireBench } from "@/lib/bench";
import { listMembers } from "@/lib/members/queries";

export const dynamic = "force-dynamic";

/**
 * Benchmark only: the render floor. The Users page's SQL, printed as a bare table: no org
 * layout, no session, no components. What the Users page costs beyond this is our own code.
 */
export default async function BenchUsersFloor({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  requireBench();
  const sp = await searchParams;
  const ctx = await benchContext(sp.org ?? "");
  const { rows, total } = await listMembers(ctx, { page: 1, q: sp.q });
  return (
    <table>
      <caption>{total} members</caption>
      <tbody>
        {rows.map((m) => (
          <tr key={m.userId}>
            <td>{m.name ?? m.email}</td>
            <td>{m.email}</td>
            <td>{m.phone}</td>
            <td>{m.role}</td>
            <td>{m.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
