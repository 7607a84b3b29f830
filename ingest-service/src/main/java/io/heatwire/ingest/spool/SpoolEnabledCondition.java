package io.heatwire.ingest.spool;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Watch mode is on when {@code heatwire.ingest.spool.dir} is set to something other than blanks. */
final class SpoolEnabledCondition implements Condition {

    static final String DIR_PROPERTY = "heatwire.ingest.spool.dir";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(DIR_PROPERTY));
    }
}
