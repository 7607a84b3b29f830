/** Reading where a Kafka Streams application stands, through the Admin client. */
package io.heatwire.support.kafka;
