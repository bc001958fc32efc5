// The notifications module's public surface: e-mail through the outbox.
export {
  deliverPendingMail,
  listOutbox,
  type MailContent,
  type OutboxRow,
  purgeSentMail,
  queueMail,
  renderMail,
  type SendMail,
} from './mail.ts';
export { type MailDelivery, smtpSender, startMailDelivery } from './mail-delivery.ts';
export { mailPerson, type MailSpec } from './mail-person.ts';
