import "server-only";
import { logUnexpectedError } from "@/lib/log-error";

/**
 * A ReadableStream fed from an async generator on demand (pull): the database is read only as
 * fast as the client downloads. Small pieces are joined into chunks of about 64 kB.
 */
export function streamChunks(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let buffer = "";
      try {
        while (buffer.length < 64 * 1024) {
          const next = await chunks.next();
          if (next.done) {
            if (buffer) controller.enqueue(encoder.encode(buffer));
            controller.close();
            return;
          }
          buffer += next.value;
        }
        controller.enqueue(encoder.encode(buffer));
      } catch (error) {
        logUnexpectedError("export", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
