package io.mutua.mail;

/** Where an email in the outbox is: waiting to be (re)tried, accepted by the SMTP server, or given up. */
public enum MailStatus { QUEUED, SENT, FAILED }
