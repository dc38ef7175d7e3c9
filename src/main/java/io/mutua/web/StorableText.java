package io.mutua.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that PostgreSQL can store and compare: it rejects the NUL character, which the database refuses even in
 * a query parameter (and which would otherwise surface as a server error). Null is valid.
 */
@Pattern(regexp = StorableText.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    String PATTERN = "[^\\x00]*";

    String message() default "{validation.text}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
