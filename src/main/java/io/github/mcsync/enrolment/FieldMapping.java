package io.github.mcsync.enrolment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one definition of what a registration carries: the FormId and ProcessId, and which CourseSales field gets
 * which value. Validation, preflight and the registration builder all read it.
 * <p>
 * Any FieldId is mapped by {@code coursesales.fields.<FieldId> = <source>} (see {@link FieldSource}). The named
 * properties are shorthands of the same mechanism: {@code coursesales.field.first-name} (firstname),
 * {@code .last-name} (lastname), {@code .email} (email), {@code .phone} (phone1), {@code .mobile} (phone2),
 * {@code .moodle-id} (userid), {@code .client-id} (the identifier of {@code identity.strategy}) and {@code .usi}
 * (the profile field {@code moodle.usi-field}, checked as a USI). Fields are sent in that order: the shorthands, then
 * {@code coursesales.fields.*} by FieldId, then client-id and USI.
 */
public final class FieldMapping {
    public static final String FIELDS_PREFIX = "coursesales.fields.";
    public static final String CLIENT_ID_PROPERTY = "coursesales.field.client-id";
    public static final String USI_PROPERTY = "coursesales.field.usi";
    public static final String USI_FIELD_PROPERTY = "moodle.usi-field";
    private static final Map<String, String> SHORTHANDS = shorthands();

    private final int formId;
    private final int processId;
    private final List<MappedField> fields;

    /** One mapped field: its FieldId, the property that maps it and where its value comes from. */
    public record MappedField(int fieldId, String property, FieldSource source) {
        /** For messages: {@code coursesales.fields.110 = city}, {@code coursesales.field.email (email)}. */
        public String describe() {
            return property.startsWith(FIELDS_PREFIX) ? property + " = " + source.text()
                    : property + " (" + source.text() + ")";
        }
    }

    public FieldMapping(int formId, int processId, List<MappedField> fields) {
        this.formId = formId;
        this.processId = processId;
        this.fields = List.copyOf(fields);
    }

    private static Map<String, String> shorthands() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("coursesales.field.first-name", "firstname");
        m.put("coursesales.field.last-name", "lastname");
        m.put("coursesales.field.email", "email");
        m.put("coursesales.field.phone", "phone1");
        m.put("coursesales.field.mobile", "phone2");
        m.put("coursesales.field.moodle-id", "userid");
        return m;
    }

    /** Every property name {@link #read} looks at besides {@code coursesales.fields.*}. */
    public static List<String> propertyNames() {
        List<String> names = new ArrayList<>(SHORTHANDS.keySet());
        names.addAll(List.of(CLIENT_ID_PROPERTY, USI_PROPERTY, USI_FIELD_PROPERTY));
        return names;
    }

    /**
     * Reads the mapping from its properties.
     *
     * @param properties the set values of {@link #propertyNames()} and of every {@code coursesales.fields.*} key
     * @param compiler   compiles a simple expression, throwing IllegalArgumentException with why it does not parse
     * @throws IllegalStateException one line naming the property that is wrong
     */
    public static FieldMapping read(int formId, int processId, Map<String, String> properties,
                                    Function<String, Function<Enrolment, String>> compiler) {
        List<MappedField> fields = new ArrayList<>();
        SHORTHANDS.forEach((property, userField) -> fieldId(properties, property)
                .ifPresent(id -> fields.add(new MappedField(id, property, new FieldSource.UserField(userField)))));
        Map<Integer, String> generic = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(FIELDS_PREFIX)) {
                generic.put(parseFieldId(key, key.substring(FIELDS_PREFIX.length())), key);
            }
        });
        generic.forEach((id, key) -> fields.add(new MappedField(id, key, source(key, properties.get(key), compiler))));
        fieldId(properties, CLIENT_ID_PROPERTY)
                .ifPresent(id -> fields.add(new MappedField(id, CLIENT_ID_PROPERTY, new FieldSource.ClientIdentifier())));
        usi(properties).ifPresent(fields::add);
        requireDistinctFieldIds(fields);
        return new FieldMapping(formId, processId, fields);
    }

    private static Optional<Integer> fieldId(Map<String, String> properties, String property) {
        return Optional.ofNullable(properties.get(property)).map(v -> parseFieldId(property, v.strip()));
    }

    private static int parseFieldId(String property, String text) {
        try {
            int id = Integer.parseInt(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalStateException(property + ": '" + text + "' is not a FieldId (a whole number above 0, from the"
                + " field's edit URL in CourseSales)");
    }

    private static FieldSource source(String property, String text, Function<String, Function<Enrolment, String>> compiler) {
        if (text == null || text.isBlank()) {
            throw new IllegalStateException(property + " has no source: use " + FieldSource.vocabulary());
        }
        try {
            return FieldSource.parse(text, compiler);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " = " + text.strip() + ": " + e.getMessage());
        }
    }

    private static Optional<MappedField> usi(Map<String, String> properties) {
        Optional<Integer> id = fieldId(properties, USI_PROPERTY);
        String shortname = Optional.ofNullable(properties.get(USI_FIELD_PROPERTY)).map(String::strip).orElse(null);
        if (id.isPresent() != (shortname != null)) {
            throw new IllegalStateException(USI_PROPERTY + " and " + USI_FIELD_PROPERTY + " go together: set both (the"
                    + " USI's FieldId and the Moodle profile field that holds it) or neither");
        }
        return id.map(fieldId -> new MappedField(fieldId, USI_PROPERTY, new FieldSource.Usi(shortname)));
    }

    private static void requireDistinctFieldIds(List<MappedField> fields) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (MappedField f : fields) {
            String other = seen.putIfAbsent(f.fieldId(), f.property());
            if (other != null) {
                throw new IllegalStateException("FieldId " + f.fieldId() + " is mapped twice, by " + other + " and by "
                        + f.property() + ": a field takes one value, so remove one of them");
            }
        }
    }

    public int formId() {
        return formId;
    }

    public int processId() {
        return processId;
    }

    /** Every mapped field, in sending order. */
    public List<MappedField> fields() {
        return fields;
    }

    public Optional<MappedField> field(int fieldId) {
        return fields.stream().filter(f -> f.fieldId() == fieldId).findFirst();
    }

    /** The FieldId configured for the client identifier ({@code coursesales.field.client-id}), or null. */
    public Integer clientIdFieldId() {
        return fields.stream().filter(f -> f.source() instanceof FieldSource.ClientIdentifier).map(MappedField::fieldId)
                .findFirst().orElse(null);
    }
}
