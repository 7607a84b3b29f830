package io.heatwire.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the Maven project version, from the {@code build-info.properties} that
 * spring-boot-maven-plugin writes at build time (the same file {@code /actuator/info} shows).
 */
final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/META-INF/build-info.properties";

    @Override
    public String[] getVersion() throws IOException {
        final Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new String[] {"ingest-service (version unknown: built without Maven)"};
            }
            build.load(in);
        }
        return new String[] {build.getProperty("build.artifact", "ingest-service") + " "
                + build.getProperty("build.version", "unknown")};
    }
}
