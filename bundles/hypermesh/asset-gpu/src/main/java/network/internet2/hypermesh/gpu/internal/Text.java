package network.internet2.hypermesh.gpu.internal;

/** Shortens text read from files and commands before it goes into a message. */
final class Text {

    private static final int MAX_CHARS = 80;

    private Text() {
    }

    /** @return {@code text} on one line, control characters shown as {@code ?}, at most 80 characters */
    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\p{Cntrl}", "?");
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "...";
    }
}
