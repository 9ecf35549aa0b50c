package io.github.mcsync.enrolment.identity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a new Moodle user gets an AVETMISS Client Identifier (property {@code identity.strategy}). Applies to
 * users without an assignment only: an assigned identifier never changes (see {@link ClientIdentifiers}).
 */
public enum IdentityStrategy {
    /** Default, the CourseSales guide's recommendation: the Moodle user id, carried by DocumentSourceId and the Moodle Id field. */
    DOCUMENT_SOURCE_ID("document-source-id"),
    /** The Moodle user id, written into the AVETMISS Client Identifier field. */
    MOODLE_USERID("moodle-userid"),
    /** No identifier from us: CourseSales assigns the next sequential number. */
    SEQUENTIAL("sequential"),
    /** The Moodle username (cut to 10 characters only when the cut value is still unique). */
    USERNAME("username");

    public static final IdentityStrategy DEFAULT = DOCUMENT_SOURCE_ID;

    private final String property;

    IdentityStrategy(String property) {
        this.property = property;
    }

    /** The value as written in {@code identity.strategy}. */
    public String property() {
        return property;
    }

    /** Whether the identifier goes into the AVETMISS Client Identifier field (so preflight must find that field). */
    public boolean needsClientIdField() {
        return this == MOODLE_USERID || this == USERNAME;
    }

    /** Parses the property; unset or blank means {@link #DEFAULT}. */
    public static IdentityStrategy parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(s -> s.property.equals(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("identity.strategy '" + value + "' is unknown: use one of "
                        + Arrays.stream(values()).map(IdentityStrategy::property).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return property;
    }
}
