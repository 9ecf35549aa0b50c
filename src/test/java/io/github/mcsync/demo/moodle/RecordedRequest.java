package io.github.mcsync.demo.moodle;

/** One request the simulator received, as Moodle would see its parameters (query merged with form body). */
public record RecordedRequest(String method, RestParameters parameters) {

    /** The wsfunction asked for, or null. */
    public String wsfunction() {
        return parameters.value("wsfunction");
    }

    /** The value of an entry of Moodle's options list ({@code options[i][name]=name}), or null when not sent. */
    public String option(String name) {
        return parameters.child("options").children().stream().filter(o -> name.equals(o.value("name")))
                .map(o -> o.value("value")).reduce((first, last) -> last).orElse(null);
    }

    /** Without the token, so it can be logged. */
    @Override
    public String toString() {
        return method + " " + parameters.without("wstoken"::equals).asFlatMap();
    }
}
