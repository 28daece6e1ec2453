package uk.gov.em.hub.accesslog.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API call that reads one person's data, which {@link PersonDataAccessFilter} records in the person's
 * access log: the generated OpenAPI document then lists the optional {@code purpose} query parameter the filter
 * records with the read (no controller declares it, as no controller reads it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = PersonDataAccessFilter.PURPOSE, in = ParameterIn.QUERY,
        description = "Why the person's data is read: recorded with the read in their access log (the first 500 "
                + "characters)",
        schema = @Schema(type = "string"))
public @interface ReadPurpose {
}
