package io.heatwire.enrich.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Guards the public endpoints against forwarded requests ({@link HopGuard}), and names the API in
 * its OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    static final String TITLE = "heatwire query API";

    /** The description's title and version: the build's version when the jar carries build-info. */
    @Bean
    OpenAPI heatwireOpenApi(ObjectProvider<BuildProperties> build) {
        final BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title(TITLE)
                        .description("Stories, clusters, hot clusters, providers and topics as committed to "
                                + "heatwire's output topics; any instance answers (README, Query API).")
                        .version(properties == null ? "unknown" : properties.getVersion()));
    }

    /** Every public endpoint; the peer endpoints are what a forwarded request is meant for. */
    static MappedInterceptor hopGuard() {
        return new MappedInterceptor(new String[] {"/api/**"}, new String[] {"/api/internal/**"}, new HopGuard());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        final MappedInterceptor guard = hopGuard();
        registry.addInterceptor(guard.getInterceptor())
                .addPathPatterns(guard.getIncludePathPatterns())
                .excludePathPatterns(guard.getExcludePathPatterns());
    }
}
