// The notifications module's public surface: e-mail through the outbox. queueMail and mailPerson
// write a message inside the caller's transaction, so a message goes out only if the change it
// tells of was saved.
export { type MailContent, mailHeaders, queueMail } from './mail.ts';
export { mailPerson, type MailSpec } from './mail-person.ts';
