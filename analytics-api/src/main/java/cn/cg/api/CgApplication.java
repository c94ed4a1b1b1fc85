package cn.cg.api;

import cn.cg.api.system.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API server, and with a command as first argument ({@code import}, {@code demo}, ...) the same
 * application without its web server, so the command line and the API share one configuration,
 * one schema migration and one importer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CgApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CgApplication.class);
        if (CommandLine.isCommand(args)) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("command");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
