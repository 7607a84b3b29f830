/**
 * The contract every part of heatwire spells the same way: default topic names, the headers of
 * raw and dead-letter records, and the metric names alerts depend on. Constants only.
 */
package io.heatwire.support.contract;
