/** Deals, the pipeline of stages, every stage change with its time, and closing as won or lost. */
package io.mutua.deals;
