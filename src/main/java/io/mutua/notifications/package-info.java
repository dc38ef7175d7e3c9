/** Emails to participants; in development, an embedded SMTP server and the Dev mailbox that shows what was sent. */
package io.mutua.notifications;
