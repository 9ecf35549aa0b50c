package io.github.mcsync.beans;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the stored and answered JSON (dead-letter payloads, ops API views). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private Json() {
    }
}
