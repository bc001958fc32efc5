// Delivery of the outbox in a running app: at once when a use case queued mail, and every minute
// for retries and for mail queued by other processes. Without SMTP_URL nothing is sent and the
// messages wait in the outbox (the development outbox page shows them).
import nodemailer from 'nodemailer';
import type { Database } from '../../db/client.ts';
import { deliverPendingMail, type SendMail } from './mail.ts';

export interface MailDelivery {
  /** Start delivering now, in the background. */
  nudge(): void;
  close(): Promise<void>;
}

export function smtpSender(smtpUrl: string, from: string): SendMail {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (message) => {
    await transport.sendMail({ from, ...message });
  };
}

export function startMailDelivery(
  db: Database,
  send: SendMail | null,
  onError: (error: unknown) => void,
  everyMs = 60_000,
): MailDelivery {
  if (!send) return { nudge() {}, close: async () => {} };
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverPendingMail(db, send, {
      onFailure: (to, attempts, error) =>
        onError(
          Object.assign(new Error(`mail to ${to} refused (attempt ${attempts}); tried again later`), {
            cause: error,
          }),
        ),
    })
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    nudge: run,
    async close() {
      clearInterval(timer);
      again = false;
      await running;
    },
  };
}
