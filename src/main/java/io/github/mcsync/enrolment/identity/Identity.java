package io.github.mcsync.enrolment.identity;

/**
 * A Moodle user's AVETMISS Client Identifier and what to send for it. DocumentSourceId and the Moodle Id field
 * always carry the Moodle user id; {@link #clientIdValue()} is what goes into the client-id field on top.
 *
 * @param identifier    the recorded identifier; null when CourseSales numbers the client (sequential)
 * @param assignedUnder the strategy the identifier was assigned under (not necessarily the current one)
 * @param clientIdValue the value for the client-id field, or null to write none
 */
public record Identity(long moodleUserId, String identifier, IdentityStrategy assignedUnder, String clientIdValue) {

    /**
     * True when only the client-id field can carry the identifier (it is not the Moodle user id): without that
     * field the record cannot be sent without changing the client's identifier.
     */
    public boolean clientIdRequired() {
        return clientIdValue != null && !clientIdValue.equals(Long.toString(moodleUserId));
    }
}
