package io.github.mcsync.demo.moodle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Moodle user as the simulator stores it (the id is assigned by {@link MoodleSimulator#addUser}).
 * Empty strings mean "not set"; Moodle leaves such fields out of JSON user records.
 *
 * @param customFields profile field values by field shortname (e.g. {@code studentid}), in insertion order
 */
public record SimulatedUser(String username, String firstname, String lastname, String email,
                            String phone1, String phone2, String institution, String department,
                            String address, String idnumber, String city, String country,
                            Map<String, String> customFields) {

    public SimulatedUser {
        Objects.requireNonNull(username, "username");
        customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** Moodle's fullname(): "firstname lastname" (default fullnamedisplay). */
    public String fullname() {
        return firstname + " " + lastname;
    }

    public static Builder builder(String username) {
        return new Builder(username);
    }

    /** Builder with every optional field defaulting to "" (not set). */
    public static final class Builder {
        private final String username;
        private String firstname = "";
        private String lastname = "";
        private String email = "";
        private String phone1 = "";
        private String phone2 = "";
        private String institution = "";
        private String department = "";
        private String address = "";
        private String idnumber = "";
        private String city = "";
        private String country = "";
        private final Map<String, String> customFields = new LinkedHashMap<>();

        private Builder(String username) {
            this.username = username;
        }

        public Builder firstname(String v) { firstname = v; return this; }
        public Builder lastname(String v) { lastname = v; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder phone1(String v) { phone1 = v; return this; }
        public Builder phone2(String v) { phone2 = v; return this; }
        public Builder institution(String v) { institution = v; return this; }
        public Builder department(String v) { department = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder idnumber(String v) { idnumber = v; return this; }
        public Builder city(String v) { city = v; return this; }
        public Builder country(String v) { country = v; return this; }

        /** A custom profile field value; an undefined shortname is defined as a text field named after it. */
        public Builder customField(String shortname, String value) {
            customFields.put(shortname, value);
            return this;
        }

        public SimulatedUser build() {
            return new SimulatedUser(username, firstname, lastname, email, phone1, phone2, institution,
                    department, address, idnumber, city, country, customFields);
        }
    }
}
