package io.github.mcsync.validation;

import io.github.mcsync.coursesales.CourseSalesMetadata;
import io.github.mcsync.enrolment.CourseLink;
import io.github.mcsync.enrolment.Enrolment;
import io.github.mcsync.enrolment.Registration;
import io.github.mcsync.enrolment.RegistrationMapper;
import io.github.mcsync.enrolment.RegistrationMapper.ClientId;
import io.github.mcsync.enrolment.identity.Assignments;
import io.github.mcsync.enrolment.identity.ClientIdField;
import io.github.mcsync.enrolment.identity.ClientIdentifiers;
import io.github.mcsync.enrolment.identity.Identity;
import io.github.mcsync.failure.ReasonCode;
import io.github.mcsync.failure.RecordRejectedException;
import java.util.List;

/**
 * Builds the registration of a validated record: its AVETMISS client identifier (identity strategy) and the values of
 * the field mapping (a USI format-checked), for the linked course date.
 */
public final class RegistrationFactory {
    private final RegistrationMapper mapper;
    private final ClientIdentifiers identifiers;

    public RegistrationFactory(RegistrationMapper mapper, ClientIdentifiers identifiers) {
        this.mapper = mapper;
        this.identifiers = identifiers;
    }

    /**
     * Before a page goes out on the send lanes: its new users get their identifiers in one transaction, in Moodle's
     * order (contested identifiers go to the first).
     */
    public void claimIdentities(List<Enrolment> enrolments) {
        identifiers.claimInOrder(enrolments);
    }

    /**
     * @throws RecordRejectedException CLIENT_ID_INVALID, CLIENT_ID_NOT_UNIQUE, INVALID_USI or MAPPING_FAILED
     */
    public Registration prepare(Enrolment e, CourseLink link, CourseSalesMetadata metadata) {
        return prepare(e, link, metadata, null);
    }

    /**
     * The same in a dry run (the preview): with {@code dryRun} set, a new user's client identifier is assigned in
     * that ledger only, so nothing is written; null: assigned and recorded as always.
     */
    public Registration prepare(Enrolment e, CourseLink link, CourseSalesMetadata metadata, Assignments dryRun) {
        Identity identity = dryRun == null ? identifiers.identify(e) : identifiers.identify(e, dryRun);
        ClientId clientId = null;
        if (identity.clientIdValue() != null) {
            try {
                clientId = new ClientId(ClientIdField.resolve(mapper.mapping().clientIdFieldId(), metadata.registrationForm()),
                        identity.clientIdValue());
            } catch (ClientIdField.Unresolved noField) {
                if (identity.clientIdRequired()) {
                    throw new RecordRejectedException(ReasonCode.CLIENT_ID_INVALID, "client identifier '"
                            + identity.clientIdValue() + "' has no field to go in: " + noField.getMessage());
                }
            }
        }
        return mapper.map(e, link, clientId);
    }
}
