/** How long stages and steps really take in this team, and the estimates plans are dated with. */
package io.mutua.forecasting;
