// Typed errors that carry an HTTP status. Handlers throw them; one middleware turns them into responses.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A parameter is missing, malformed or out of range (400). */
export class BadRequest extends HttpError {
  constructor(message: string) {
    super(400, message);
    this.name = 'BadRequest';
  }
}

/** No such passage, report or page (404). */
export class NotFound extends HttpError {
  constructor(message: string) {
    super(404, message);
    this.name = 'NotFound';
  }
}

/** A user-supplied value quoted in a message, cut short so a message never carries a whole payload. */
export function quote(value: string, max = 80): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(short);
}
