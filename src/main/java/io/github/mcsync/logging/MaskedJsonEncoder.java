package io.github.mcsync.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.mcsync.Secrets;
import java.nio.charset.StandardCharsets;

/**
 * {@code log.format=json}: logback's JSON encoder (one JSON object per line), with every secret this process knows
 * masked in the whole line (message, arguments, exception).
 */
public final class MaskedJsonEncoder extends JsonEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = Secrets.redact(text);
        return masked.equals(text) ? line : masked.getBytes(StandardCharsets.UTF_8);
    }
}
