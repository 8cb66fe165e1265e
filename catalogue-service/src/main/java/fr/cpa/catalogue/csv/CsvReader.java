package fr.cpa.catalogue.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks
 * (the open-data export puts HTML lists with new lines in its text fields). The separator is
 * detected from the header line: {@code ;} (the open-data portal's download) or {@code ,} (a re-save).
 * One record is held in memory at a time.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader in;
    private final char separator;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private int pushedBack = -2;
    private long line = 2; // the header, line 1, is read by open()
    private long recordLine;

    private CsvReader(Reader in, char separator, List<String> header) {
        this.in = in;
        this.separator = separator;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
    }

    /** Reads the header line and detects the separator from it. */
    public static CsvReader open(Reader in) {
        String headerLine = readRawLine(in);
        if (headerLine == null) {
            throw new IllegalArgumentException("the file is empty: no header line");
        }
        if (!headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF') {
            headerLine = headerLine.substring(1); // UTF-8 byte-order mark
        }
        char separator = detectSeparator(headerLine);
        return new CsvReader(in, separator, parseLine(headerLine, separator));
    }

    /** The separator that occurs most outside quotes in the header: {@code ;} or {@code ,}. */
    static char detectSeparator(String headerLine) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    public char separator() {
        return separator;
    }

    public List<String> header() {
        return header;
    }

    /** The column index of {@code name} (case-insensitive), or -1. */
    public int column(String name) {
        return index.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), -1);
    }

    /** The line the last record started on (1 = the header). */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. Blank lines are skipped. */
    public List<String> next() {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\n') {
                    line++;
                }
                continue;
            }
            pushBack(c);
            recordLine = line;
            return readRecord();
        }
    }

    private List<String> readRecord() {
        List<String> fields = new ArrayList<>(header.size());
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (c == -1) {
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pushBack(n);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushBack(n);
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    private static String readRawLine(Reader in) {
        StringBuilder sb = new StringBuilder();
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return c == -1 && sb.isEmpty() ? null : sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one physical line (the header, which has no line breaks in its fields). */
    static List<String> parseLine(String line, char separator) {
        return new CsvReader(new java.io.StringReader(line), separator, List.of()).readRecord();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
