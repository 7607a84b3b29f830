package io.heatwire.enrich;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.heatwire.enrich.cli.ReplayCommand;
import io.heatwire.enrich.cli.SummaryCommand;

@SpringBootApplication
public class EnrichApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("summary")) {
            System.setProperty("logback.configurationFile", "logback-summary.xml");
            System.exit(SummaryCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("replay-dead-letters")) {
            System.setProperty("logback.configurationFile", "logback-summary.xml");
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(EnrichApplication.class, args);
    }
}
