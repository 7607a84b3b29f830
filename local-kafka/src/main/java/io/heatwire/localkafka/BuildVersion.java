package io.heatwire.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the Maven project version, from the {@code build-info.properties} that
 * spring-boot-maven-plugin writes at build time (so it is the same in the jar and in tests).
 */
final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/META-INF/build-info.properties";

    @Override
    public String[] getVersion() throws IOException {
        final Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new String[] {"local-kafka (version unknown: built without Maven)"};
            }
            build.load(in);
        }
        return new String[] {build.getProperty("build.artifact", "local-kafka") + " "
                + build.getProperty("build.version", "unknown"),
            "Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()};
    }
}
