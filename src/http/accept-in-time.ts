/** The update was not stored in time (or not at all): the platform is told to send it again. */
export class NotAcceptedError extends Error {}

/**
 * A webhook is answered 200 only once its update is stored, so nothing acknowledged is lost; an
 * update not accepted within `ms` gets an error answer instead and comes again (the copy joins the
 * one still in hand, see ReplayGuard).
 */
export function acceptInTime(accepted: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotAcceptedError(`not accepted within ${ms} ms`)), ms);
  });
  return Promise.race([accepted, late]).finally(() => clearTimeout(timer));
}
