package io.github.mcsync.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mcsync.coursesales.soap.CourseSalesFault;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import java.time.Clock;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An in-flight mark goes only when CourseSales answered the SubmitRegistration itself with a refusal. */
class RefusedSubmissionsTest {

    @ParameterizedTest(name = "{0} answered {1}: mark kept = {2}")
    @CsvSource({
            "SubmitRegistration, FIELD_INACTIVE, false",
            "SubmitRegistration, RATE_LIMITED, false",
            "SubmitRegistration, INTERNAL_ERROR, true",
            "SubmitRegistration, , true",
            "FindDocuments, RATE_LIMITED, true",
            "GetForm, FORM_NOT_FOUND, true"})
    void onlyARefusedSubmitForgetsTheMark(String operation, String code, boolean kept) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        StateDatabase.migrate(ds);
        InFlight inFlight = new InFlight(ds, Clock.systemUTC());
        inFlight.begin("moodle:c2:u3");

        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("sourceReference", "moodle:c2:u3");
        exchange.setProperty(io.github.mcsync.ExchangeNames.LAST_COURSESALES_OPERATION, operation);
        Exception failure;
        if (code == null) {
            failure = new java.net.SocketTimeoutException("Read timed out"); // no answer: the outcome is unknown
        } else {
            CourseSalesFault detail = new CourseSalesFault();
            detail.setCode(code);
            detail.setMessage("test");
            failure = new CourseSalesFault_Exception(code, detail);
        }
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);

        new RefusedSubmissions(inFlight).process(exchange);

        assertEquals(kept, inFlight.isInFlight("moodle:c2:u3"));
    }
}
