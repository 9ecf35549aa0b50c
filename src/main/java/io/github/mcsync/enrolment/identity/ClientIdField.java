package io.github.mcsync.enrolment.identity;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which registration-form field receives the AVETMISS Client Identifier: {@code coursesales.field.client-id}
 * if set, else the one field CourseSales itself exports as the Client Identifier, found by its Internal Export
 * Id. Resolved at preflight when the strategy {@link IdentityStrategy#needsClientIdField() needs the field}.
 */
public final class ClientIdField {
    /** Matched exactly: a field whose Id only nearly matches may not be the one CourseSales exports, so we do not guess. */
    public static final String INTERNAL_EXPORT_ID = "AVETMISS 7.0 Client Identifier";
    public static final String PROPERTY = "coursesales.field.client-id";

    private ClientIdField() {
    }

    /** No single field can be chosen; the message tells the operator what to change. */
    public static final class Unresolved extends IllegalStateException {
        Unresolved(String message) {
            super(message);
        }
    }

    /**
     * @return the FieldId to write the identifier into
     * @throws Unresolved if the configured field is not on the form, or the form has none or several fields
     *                    with the Internal Export Id
     */
    public static int resolve(Integer configuredFieldId, CourseSalesMetadata.Form registrationForm) {
        String form = "Form " + registrationForm.formId() + " '" + registrationForm.name() + "'";
        if (configuredFieldId != null) {
            if (registrationForm.field(configuredFieldId).isEmpty()) {
                throw new Unresolved(form + " has no field " + configuredFieldId + " (" + PROPERTY
                        + "): correct " + PROPERTY + " or leave it unset to use the field with Internal Export Id '"
                        + INTERNAL_EXPORT_ID + "'");
            }
            return configuredFieldId;
        }
        List<Field> found = registrationForm.fields().stream()
                .filter(f -> INTERNAL_EXPORT_ID.equals(f.internalExportId())).toList();
        if (found.size() == 1) {
            return found.get(0).fieldId();
        }
        if (found.isEmpty()) {
            throw new Unresolved(form + " has no field with Internal Export Id '" + INTERNAL_EXPORT_ID + "': set "
                    + PROPERTY + " or set the Internal Export Id on the field in CourseSales");
        }
        String ids = found.stream().map(f -> Integer.toString(f.fieldId())).collect(Collectors.joining(", "));
        throw new Unresolved(form + " has " + found.size() + " fields (" + ids + ") with Internal Export Id '"
                + INTERNAL_EXPORT_ID + "': set " + PROPERTY + " to the one to use, or keep the Internal Export Id"
                + " on one field only in CourseSales");
    }
}
