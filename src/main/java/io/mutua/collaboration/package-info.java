/**
 * Working on a mutual action plan with the buyer's committee: participants of both sides, magic-link sign-in for
 * buyers, the buyer portal, comments, attachments, live updates and engagement.
 */
package io.mutua.collaboration;
