package io.heatwire.enrich.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;

/** Guards the public endpoints against forwarded requests ({@link HopGuard}). */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

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
