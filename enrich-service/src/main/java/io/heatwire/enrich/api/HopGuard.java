package io.heatwire.enrich.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A forwarded request is answered from local views only: one that reaches a public endpoint
 * (which may forward) is refused with 421, so no request ever takes a second hop.
 */
final class HopGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getHeader(PeerPaths.HOP) != null) {
            throw Problems.of(HttpStatus.MISDIRECTED_REQUEST, "a forwarded request is not forwarded again");
        }
        return true;
    }
}
