/** Child processes with their logs: the services, the broker and the tools, started by tests and the benchmark. */
package io.heatwire.support.process;
