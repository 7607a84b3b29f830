package io.heatwire.enrich.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the public endpoints against forwarded requests ({@link HopGuard}). */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HopGuard()).addPathPatterns("/api/**").excludePathPatterns("/api/internal/**");
    }
}
