/** Seller accounts, teams and roles, sign-in, API tokens and the first-run setup. */
package io.mutua.identity;
