/**
 * Outgoing email: an outbox in PostgreSQL written in the transaction of the change that causes the email, and a
 * delivery worker that sends it, retrying with backoff while the SMTP server is unreachable. Every module that
 * emails goes through {@link io.mutua.mail.OutgoingMail}.
 */
package io.mutua.mail;
