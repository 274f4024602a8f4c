/**
 * A simulator API misuse (unknown message, user not in the chat, …). `message` is English for developers;
 * `zh` is what the web chat shows.
 */
export class SimUsageError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'SimUsageError';
  }
}
