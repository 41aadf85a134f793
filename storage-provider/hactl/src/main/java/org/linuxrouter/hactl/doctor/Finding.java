package org.linuxrouter.hactl.doctor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One result of one check: what was found and, unless it is OK, how to fix it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"check", "severity", "message", "fix"})
public record Finding(String check, Severity severity, String message, String fix) {

    public static Finding ok(String check, String message) {
        return new Finding(check, Severity.OK, message, null);
    }

    public static Finding of(String check, Severity severity, String message, String fix) {
        return new Finding(check, severity, message, fix);
    }
}
