/**
 * Retries a check until it passes or the time runs out, then throws the check's last failure.
 * For state that settles asynchronously outside the test's reach (a browser page, a child process).
 */
export async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => void, timeoutMs = 5_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
