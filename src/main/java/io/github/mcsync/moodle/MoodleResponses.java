package io.github.mcsync.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The error-in-200 check. Moodle answers errors with HTTP 200 and a JSON body holding {@code exception}
 * (and {@code errorcode} when it has one), or an XML {@code <EXCEPTION>} when no format was asked for.
 * Anything that is not JSON is an error too (an HTML error page, an empty body).
 */
public final class MoodleResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the body as JSON text, or throws {@link MoodleException}. */
    public String check(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new MoodleException("emptyresponse", "Moodle answered with an empty body");
        }
        if (trimmed.startsWith("<")) {
            throw xmlError(trimmed);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new MoodleException("notjson", "Moodle answered something that is not JSON: " + preview(trimmed));
        }
        if (tree != null && tree.isObject() && tree.has("exception")) {
            String code = tree.path("errorcode").asText("");
            String exception = tree.path("exception").asText();
            throw new MoodleException(code.isEmpty() ? exception : code, tree.path("message").asText(""));
        }
        return trimmed;
    }

    private static MoodleException xmlError(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if ("EXCEPTION".equals(root.getTagName())) {
                return new MoodleException(text(root, "ERRORCODE", root.getAttribute("class")), text(root, "MESSAGE", ""));
            }
        } catch (Exception notXml) {
            // fall through: not well-formed, e.g. an HTML error page
        }
        return new MoodleException("notjson", "Moodle answered something that is not JSON: " + preview(xml));
    }

    private static String text(Element root, String tag, String fallback) {
        var nodes = root.getElementsByTagName(tag);
        return nodes.getLength() > 0 ? nodes.item(0).getTextContent().strip() : fallback;
    }

    private static String preview(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
