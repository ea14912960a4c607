export { enqueueEmail } from "./outbox";
export { deliverDueEmails, kickEmailSender, startEmailSender } from "./sender";
