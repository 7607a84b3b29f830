/** What every heatwire command line shares. */
package io.heatwire.support.cli;
