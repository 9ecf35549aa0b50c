package io.github.mcsync.demo.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Moodle's REST XML format (webservice_rest_server::xmlize_result): RESPONSE / MULTIPLE / SINGLE / KEY / VALUE,
 * one element per line, and the EXCEPTION form for errors. Unlike JSON, Moodle's XML lists every key of a
 * structure, absent ones as {@code <VALUE null="null"/>} or an empty MULTIPLE: a {@link RecordShape} supplies
 * those keys for the records of a list response.
 */
final class MoodleXml {

    /** All keys of the records of a list response, and which of them are lists. */
    record RecordShape(List<String> keys, Set<String> listKeys) {
    }

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private MoodleXml() {
    }

    static String exception(MoodleError e) {
        return DECLARATION
                + "<EXCEPTION class=\"" + escape(e.exceptionClass()) + "\">\n"
                + "<ERRORCODE>" + escape(e.errorcode()) + "</ERRORCODE>\n"
                + "<MESSAGE>" + escape(e.getMessage()) + "</MESSAGE>\n"
                + "</EXCEPTION>\n";
    }

    /** @param recordShape keys of the records when {@code body} is a list of records, else null */
    static String response(JsonNode body, RecordShape recordShape) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<RESPONSE>\n");
        if (body.isArray()) {
            xml.append("<MULTIPLE>\n");
            body.forEach(item -> write(item, recordShape, xml));
            xml.append("</MULTIPLE>\n");
        } else {
            write(body, null, xml);
        }
        return xml.append("</RESPONSE>\n").toString();
    }

    private static void write(JsonNode node, RecordShape shape, StringBuilder xml) {
        if (node.isArray()) {
            xml.append("<MULTIPLE>\n");
            node.forEach(item -> write(item, null, xml));
            xml.append("</MULTIPLE>\n");
        } else if (node.isObject()) {
            xml.append("<SINGLE>\n");
            Iterable<String> keys = shape != null ? shape.keys() : node::fieldNames;
            for (String key : keys) {
                xml.append("<KEY name=\"").append(key).append("\">");
                JsonNode value = node.get(key);
                if (value != null) {
                    write(value, null, xml);
                } else if (shape.listKeys().contains(key)) {
                    xml.append("<MULTIPLE>\n</MULTIPLE>\n");
                } else {
                    xml.append("<VALUE null=\"null\"/>\n");
                }
                xml.append("</KEY>\n");
            }
            xml.append("</SINGLE>\n");
        } else if (node.isNull()) {
            xml.append("<VALUE null=\"null\"/>\n");
        } else {
            String text = node.isBoolean() ? (node.booleanValue() ? "1" : "0") : node.asText();
            xml.append("<VALUE>").append(escape(text)).append("</VALUE>\n");
        }
    }

    /** PHP htmlspecialchars(ENT_COMPAT). */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
