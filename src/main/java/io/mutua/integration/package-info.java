/**
 * Taking plans where people work: exports of a plan as PDF (with its signature certificate), CSV and XLSX, imports
 * of the same spreadsheet layout, and calendar feeds. Everything here goes through the other modules' public
 * services, with the same audience rules as the pages: a buyer's document never holds anything internal.
 */
package io.mutua.integration;
