package fr.cpa.catalogue.importer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the HTML of the open-data text fields ({@code points_forts}…) into plain text. */
final class Html {

    private static final Pattern BREAK = Pattern.compile("(?i)<\\s*(br|/p|/li|/ul|/ol|/div|/h\\d)\\s*/?>");
    private static final Pattern ITEM = Pattern.compile("(?i)<\\s*li[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
            Map.entry("ecirc", "ê"), Map.entry("agrave", "à"), Map.entry("acirc", "â"), Map.entry("ccedil", "ç"),
            Map.entry("ocirc", "ô"), Map.entry("ucirc", "û"), Map.entry("ugrave", "ù"), Map.entry("icirc", "î"),
            Map.entry("iuml", "ï"), Map.entry("euml", "ë"), Map.entry("rsquo", "’"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("hellip", "…"), Map.entry("oelig", "œ"), Map.entry("Eacute", "É"));

    private Html() {
    }

    static String toText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String s = BREAK.matcher(html).replaceAll("\n");
        s = ITEM.matcher(s).replaceAll("\n- ");
        s = TAG.matcher(s).replaceAll("");
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(sb);
        // one space inside lines, no blank lines
        String[] lines = sb.toString().split("\\R");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String l = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
            if (!l.isEmpty() && !l.equals("-")) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String entity(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        return NAMED.getOrDefault(name, "&" + name + ";");
    }
}
