package io.heatwire.ingest.config;

import org.springframework.boot.test.context.SpringBootTest;

import io.heatwire.support.health.ActuatorEndpointsContract;

/**
 * The actuator as ingest-service's application.yml sets it up, on a real port but without the
 * application's beans (no broker needed): what an anonymous caller of {@code /actuator} sees.
 */
@SpringBootTest(
        classes = ActuatorEndpointsContract.ActuatorOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorEndpointsTest extends ActuatorEndpointsContract {

    ActuatorEndpointsTest() {
        super("ingest-service");
    }
}
