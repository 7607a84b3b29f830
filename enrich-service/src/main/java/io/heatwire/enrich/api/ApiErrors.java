package io.heatwire.enrich.api;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.heatwire.enrich.query.InvalidQueryException;
import io.heatwire.enrich.query.UnavailableException;

/**
 * Every error of the API as an RFC 9457 problem detail: Spring MVC's own (a missing or malformed
 * parameter) through {@link ResponseEntityExceptionHandler}, and the queries' below. Being a
 * {@code ResponseEntityExceptionHandler}, it stands in for the one Spring Boot registers with
 * {@code spring.mvc.problemdetails.enabled}, so it applies to every controller.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private final Duration retryAfter;
    private final Counter unavailable;

    ApiErrors(ApiSettings settings, MeterRegistry meters) {
        this.retryAfter = settings.retryAfter();
        this.unavailable = meters.counter("heatwire.query.unavailable");
    }

    /** 503 with Retry-After: the answer exists but cannot be read correctly now (a rebalance, a restore). */
    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        unavailable.increment();
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Not available now, retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(problem);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQueryException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
