package io.heatwire.support.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code --version} of every heatwire command line: the Maven project version, from the
 * {@code build-info.properties} that spring-boot-maven-plugin writes at build time into the
 * module that owns the command (the same file {@code /actuator/info} shows), and the version of
 * the Kafka client it talks to brokers with.
 */
public final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/META-INF/build-info.properties";

    @Spec
    CommandSpec spec;

    @Override
    public String[] getVersion() throws IOException {
        final String command = spec == null ? "heatwire" : spec.name();
        final String kafka = "Apache Kafka " + AppInfoParser.getVersion();
        final Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new String[] {command + " (version unknown: built without Maven)", kafka};
            }
            build.load(in);
        }
        return new String[] {
            build.getProperty("build.artifact", command) + " " + build.getProperty("build.version", "unknown"), kafka
        };
    }
}
