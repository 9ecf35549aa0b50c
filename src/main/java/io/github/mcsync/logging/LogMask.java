package io.github.mcsync.logging;

import io.github.mcsync.Secrets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;
import org.apache.camel.util.SensitiveUtils;

/**
 * Camel's log mask ({@code camel.main.log-mask=true}; bound as {@value MaskingFormatter#CUSTOM_LOG_MASK_REF}) and the
 * mask of every traced exchange (camel.main.tracing): the values of secret and personal keys are masked in key=value,
 * XML and JSON forms wherever they stand in the text (the Moodle form body's {@code wstoken}, the SOAP
 * {@code LoginPassword}, Moodle's {@code firstname}, {@code email}, ...), and every secret this process knows is
 * masked wherever it appears ({@link Secrets}).
 */
public final class LogMask extends DefaultMaskingFormatter {
    /** Keys whose values are secrets or personal data in what the routes carry. */
    static final Set<String> KEYWORDS = Set.of("wstoken", "token", "LoginPassword", "password", "firstname", "lastname",
            "fullname", "middlename", "alternatename", "firstnamephonetic", "lastnamephonetic", "email", "phone1",
            "phone2", "username", "idnumber", "address", "city", "institution", "department", "description",
            "customfields", "value", "userIdnumber", "profileimageurl", "profileimageurlsmall", "authorization", "cookie");

    /** The keywords in lower case, for the quick test before the patterns. */
    private final String[] lowerKeywords;
    private final Pattern keyValue;
    private final Pattern xml;
    private final Pattern json;

    public LogMask() {
        super(keywords(), true, true, true);
        Set<String> k = keywords();
        this.lowerKeywords = k.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        this.keyValue = createKeyValueMaskPattern(k);
        this.xml = createXmlElementMaskPattern(k);
        this.json = createJsonMaskPattern(k);
        setMaskString(Secrets.MASK);
    }

    /** Whether a keyword occurs anywhere (any case): every pattern needs one to match. */
    private boolean mentionsKeyword(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String k : lowerKeywords) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keywords() {
        Set<String> k = new TreeSet<>(SensitiveUtils.getSensitiveKeys());
        k.addAll(KEYWORDS);
        return k;
    }

    /** Masks in every form, wherever the text starts (a traced exchange begins with "Exchange[", not with its body). */
    @Override
    public String format(String source) {
        if (source == null) {
            return null;
        }
        String out = Secrets.redact(source);
        if (!mentionsKeyword(out)) {
            return out; // most lines (a delivery, a poll's summary) name no masked key: the patterns need not run
        }
        String mask = getMaskString();
        out = xml.matcher(out).replaceAll("$1" + mask + "$3");
        out = json.matcher(out).replaceAll("\"$1\"$2:$3\"" + mask + "\"");
        out = keyValue.matcher(out).replaceAll("$1" + mask);
        return out;
    }
}
