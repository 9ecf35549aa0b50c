package io.github.mcsync.enrolment;

import io.github.mcsync.enrolment.identity.UsiRule;
import java.util.List;
import java.util.function.Function;

/**
 * Where the value of one mapped CourseSales field comes from, as written after {@code coursesales.fields.<FieldId> =}:
 * a Moodle user field, {@code profile:<shortname>}, {@code course:<field>}, or a Camel simple expression over the
 * {@link Enrolment}. Two sources are set only by their shorthand: the AVETMISS client identifier
 * ({@code coursesales.field.client-id}, decided by {@code identity.strategy}) and the USI ({@code coursesales.field.usi}
 * from the profile field {@code moodle.usi-field}, format-checked).
 */
public sealed interface FieldSource {

    /** The source as configured, e.g. {@code city}, {@code profile:studentid}, {@code ${body.city}}. */
    String text();

    /**
     * The value for this enrolment, or null/blank when there is none (then nothing is sent).
     *
     * @param clientIdentifier the identifier the identity strategy gives this user (only {@link ClientIdentifier} reads it)
     */
    String valueOf(Enrolment e, String clientIdentifier);

    /** A field of the Moodle user record. */
    record UserField(String name) implements FieldSource {
        /** The user fields a mapping may name. */
        public static final List<String> NAMES = List.of("firstname", "lastname", "email", "phone1", "phone2", "username",
                "idnumber", "institution", "department", "city", "country", "userid");

        public UserField {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a Moodle user field");
            }
        }

        @Override
        public String text() {
            return name;
        }

        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            return switch (name) {
                case "firstname" -> e.firstName();
                case "lastname" -> e.lastName();
                case "email" -> e.email();
                case "phone1" -> e.phone1();
                case "phone2" -> e.phone2();
                case "username" -> e.username();
                case "idnumber" -> e.userIdnumber();
                case "institution" -> e.institution();
                case "department" -> e.department();
                case "city" -> e.city();
                case "country" -> e.country();
                default -> Long.toString(e.userId());
            };
        }
    }

    /** A custom user profile field, by its shortname. */
    record ProfileField(String shortname) implements FieldSource {
        public static final String PREFIX = "profile:";

        @Override
        public String text() {
            return PREFIX + shortname;
        }

        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            return e.customFields().get(shortname);
        }
    }

    /** A field of the Moodle course the user is enrolled in. */
    record CourseField(String name) implements FieldSource {
        public static final String PREFIX = "course:";
        public static final List<String> NAMES = List.of("shortname", "idnumber", "fullname", "id");

        public CourseField {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a course field");
            }
        }

        @Override
        public String text() {
            return PREFIX + name;
        }

        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            return switch (name) {
                case "shortname" -> e.courseShortname();
                case "idnumber" -> e.courseIdnumber();
                case "fullname" -> e.courseFullname();
                default -> Long.toString(e.courseId());
            };
        }
    }

    /** A Camel simple expression whose body is the Enrolment, compiled once at start. */
    record Expression(String text, Function<Enrolment, String> evaluator) implements FieldSource {
        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            return evaluator.apply(e);
        }
    }

    /** The AVETMISS Client Identifier the identity strategy assigns ({@code coursesales.field.client-id}). */
    record ClientIdentifier() implements FieldSource {
        @Override
        public String text() {
            return "the client identifier of identity.strategy";
        }

        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            return clientIdentifier;
        }
    }

    /** A USI from a custom profile field, checked by {@link UsiRule} before it is sent. */
    record Usi(String shortname) implements FieldSource {
        @Override
        public String text() {
            return ProfileField.PREFIX + shortname + " (a USI)";
        }

        @Override
        public String valueOf(Enrolment e, String clientIdentifier) {
            String usi = e.customFields().get(shortname);
            UsiRule.check(usi);
            return usi;
        }
    }

    /** What a mapping may name, for messages. */
    static String vocabulary() {
        return String.join(", ", UserField.NAMES) + ", " + ProfileField.PREFIX + "<shortname>, " + CourseField.PREFIX
                + "<" + String.join("|", CourseField.NAMES) + "> or a ${...} expression";
    }

    /**
     * Parses a source as written in the properties.
     *
     * @param compiler compiles a simple expression, throwing IllegalArgumentException with the reason it does not parse
     * @throws IllegalArgumentException naming what is wrong
     */
    static FieldSource parse(String text, Function<String, Function<Enrolment, String>> compiler) {
        String t = text.strip();
        if (t.contains("${")) {
            return new Expression(t, compiler.apply(t));
        }
        if (t.startsWith(ProfileField.PREFIX)) {
            String shortname = t.substring(ProfileField.PREFIX.length()).strip();
            if (shortname.isEmpty()) {
                throw new IllegalArgumentException("a custom profile field needs its shortname, e.g. profile:studentid");
            }
            return new ProfileField(shortname);
        }
        if (t.startsWith(CourseField.PREFIX)) {
            String name = t.substring(CourseField.PREFIX.length()).strip();
            if (!CourseField.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown course field '" + name + "': use course:"
                        + String.join(", course:", CourseField.NAMES));
            }
            return new CourseField(name);
        }
        if (UserField.NAMES.contains(t)) {
            return new UserField(t);
        }
        throw new IllegalArgumentException("unknown source '" + t + "': use " + vocabulary());
    }
}
