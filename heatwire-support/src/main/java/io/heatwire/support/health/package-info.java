/** The broker probe that both services' readiness includes. */
package io.heatwire.support.health;
