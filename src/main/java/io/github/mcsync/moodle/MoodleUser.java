package io.github.mcsync.moodle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A user as core_enrol_get_enrolled_users returns it. Empty values are left out by Moodle (null here).
 * The list carries no enrolment status or time: only {@code onlyactive=1} tells active ones apart.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MoodleUser(long id, String username, String firstname, String lastname, String email,
                         String phone1, String phone2, String idnumber, String institution, String department,
                         String city, String country, List<CustomField> customfields, List<Role> roles) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomField(String shortname, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(long roleid, String shortname) {
    }
}
