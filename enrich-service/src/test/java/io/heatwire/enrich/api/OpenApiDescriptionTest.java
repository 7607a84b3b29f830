package io.heatwire.enrich.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.heatwire.enrich.query.FakeViews;
import io.heatwire.enrich.query.OwnerRouter;
import io.heatwire.enrich.query.Queries;

/**
 * The OpenAPI description served at {@code /v3/api-docs} describes exactly the endpoints the
 * controllers map under {@code /api}, with their methods and parameters.
 */
// The health groups of application.yml name contributors this slice of the application does not have.
@SpringBootTest(
        classes = OpenApiDescriptionTest.ApiOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.validate-group-membership=false")
class OpenApiDescriptionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({QueryController.class, PeerController.class, ApiErrors.class, ApiWebConfiguration.class})
    static class ApiOnly {

        @Bean
        FakeViews views() {
            return new FakeViews();
        }

        @Bean
        Queries queries(FakeViews views) {
            return new Queries(new OwnerRouter(views, views, new OwnerRouter.Retries(1, Duration.ZERO), Runnable::run));
        }

        @Bean
        ApiSettings apiSettings() {
            return new ApiSettings(Duration.ofSeconds(1));
        }
    }

    @Autowired
    private Environment environment;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void shouldNameTheApi() throws Exception {
        assertThat(description().path("info").path("title").asString()).isEqualTo(ApiWebConfiguration.TITLE);
    }

    @Test
    void shouldDescribeEveryEndpointTheControllersMapAndNoOther() throws Exception {
        final JsonNode description = description();
        final Set<String> described = new TreeSet<>();
        description
                .get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method ->
                                described.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        final Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> mapped.add(method.name() + " " + pattern))));

        assertThat(mapped).as("mapped under /api").hasSizeGreaterThanOrEqualTo(11);
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void shouldDescribeTheParametersOfTheListings() throws Exception {
        final JsonNode hot =
                description().path("paths").path("/api/clusters/hot").path("get");

        assertThat(hot.path("summary").asString()).contains("hottest");
        final Set<String> parameters = new TreeSet<>();
        hot.path("parameters")
                .forEach(parameter -> parameters.add(parameter.path("name").asString()));
        assertThat(parameters).containsExactly("after", "limit");
    }

    private JsonNode description() throws Exception {
        final URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/v3/api-docs");
        final HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
