package io.github.mcsync.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reason code a dead letter, the preflight or the preview can carry has one operator sentence saying where to fix it. */
class OperatorSentencesTest {
    /** The contract's fault codes that end a record or pause the feed (coursesales-soap-contract.md, "Faults"). */
    static final List<String> CONTRACT = List.of("FORM_NOT_FOUND", "FORM_INACTIVE", "FORM_NOT_PUBLISHED", "FIELD_NOT_FOUND",
            "FIELD_INACTIVE", "MANDATORY_FIELD_MISSING", "PROCESS_NOT_FOUND", "PROCESS_STEP_INACTIVE",
            "PROCESS_PATH_INACTIVE", "COURSE_DATE_NOT_FOUND", "COURSE_DATE_NOT_ACTIVE", "INVALID_VALUE", "RATE_LIMITED",
            "INTERNAL_ERROR");
    /** The checklist's configuration codes that are not ReasonCode constants (validation/Checklist.java). */
    static final List<String> CHECKLIST = List.of("FORM_INACTIVE", "FORM_NOT_PUBLISHED", "FIELD_NOT_FOUND", "FIELD_INACTIVE",
            "CLIENT_ID_FIELD", "PROCESS_STEP_INACTIVE", "PROCESS_PATH_INACTIVE");

    static Stream<String> everyCode() {
        List<String> codes = new ArrayList<>(CONTRACT);
        codes.addAll(CHECKLIST);
        Stream.of(ReasonCode.values()).map(Enum::name).forEach(codes::add);
        return codes.stream().distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCode")
    void hasOneSentenceThatSaysWhereToFixIt(String code) {
        String sentence = OperatorSentences.of(code).orElseThrow(() -> new AssertionError(code + " has no sentence"));
        assertTrue(sentence.endsWith("."), sentence);
        assertTrue(sentence.contains("CourseSales") || sentence.contains("Moodle") || sentence.contains("coursesales.")
                || sentence.contains("identity.strategy"), code + " says where to fix it: " + sentence);
    }

    @Test
    void theContractsRecordAndConfigurationCodesAreTheClassifiersOwn() {
        List<String> permanent = new ArrayList<>(FailureClassifier.RECORD_OR_CONFIGURATION_CODES);
        permanent.sort(null);
        assertEquals(CONTRACT.stream().filter(c -> !c.equals("RATE_LIMITED") && !c.equals("INTERNAL_ERROR")).sorted().toList(),
                permanent, "a code the classifier dead-letters has its sentence here");
    }

    @Test
    void ourOwnCodesKeepTheirSentenceAndUnknownCodesHaveNone() {
        assertEquals(ReasonCode.UNMAPPED_COURSE.advice(), OperatorSentences.of("UNMAPPED_COURSE").orElseThrow());
        assertTrue(OperatorSentences.of("NOT_A_CODE").isEmpty());
        assertTrue(OperatorSentences.of(null).isEmpty());
    }
}
