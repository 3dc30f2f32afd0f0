package network.internet2.management.webconsole.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import network.internet2.management.webconsole.internal.Html.Markup;

/**
 * Builds the HTML of a page's content. Every value given to it is escaped unless it is {@link Markup}; nested
 * parts ({@link #grid}, {@link #card}) take a lambda, so that every element it opens is closed.
 */
final class HtmlFragment {

    private final StringBuilder html = new StringBuilder();

    /** A section heading, with optional markup (a badge) after the text. */
    HtmlFragment section(String title, Markup... after) {
        html.append("<h2>").append(Html.escape(title));
        for (Markup markup : after) {
            html.append(' ').append(markup.html());
        }
        html.append("</h2>\n");
        return this;
    }

    /** A smaller heading inside a section or card. */
    HtmlFragment heading(Object title) {
        html.append("<h3>").append(Html.of(title)).append("</h3>\n");
        return this;
    }

    HtmlFragment paragraph(Object text) {
        html.append("<p>").append(Html.of(text)).append("</p>\n");
        return this;
    }

    /** Says that what a part of the page shows comes from something not installed, and how to get it. */
    HtmlFragment notInstalled(String what, String howToInstall) {
        html.append("<p class=\"i2-absent\">").append(Html.escape(what)).append(" is not installed")
                .append(howToInstall == null ? "" : " (" + Html.escape(howToInstall) + ")").append(".</p>\n");
        return this;
    }

    /** A muted note. */
    HtmlFragment note(Object text) {
        html.append("<p class=\"i2-note\">").append(Html.of(text)).append("</p>\n");
        return this;
    }

    /** A list of problems, in red. */
    HtmlFragment problems(List<?> items) {
        html.append("<ul class=\"i2-problems\">");
        for (Object item : items) {
            html.append("<li>").append(Html.of(item)).append("</li>");
        }
        html.append("</ul>\n");
        return this;
    }

    /** Names and values, two columns without a header row; values are aligned left, next to their names. */
    HtmlFragment facts(Map<String, ?> facts) {
        html.append("<table class=\"i2-table i2-facts\">");
        facts.forEach((name, value) -> html.append("<tr><td>").append(Html.escape(name)).append("</td><td>")
                .append(Html.of(value)).append("</td></tr>"));
        html.append("</table>\n");
        return this;
    }

    /**
     * A table; numbers are aligned right.
     *
     * @param empty what to say instead when there are no rows
     */
    HtmlFragment table(List<String> headers, List<List<Object>> rows, String empty) {
        if (rows.isEmpty()) {
            return note(empty);
        }
        html.append("<table class=\"i2-table\"><thead><tr>");
        for (String header : headers) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<Object> row : rows) {
            html.append("<tr>");
            row.forEach(value -> html.append(cell(value)));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
        return this;
    }

    /** Cards side by side, as many per row as the width allows. */
    HtmlFragment grid(Consumer<HtmlFragment> cards) {
        html.append("<div class=\"i2-grid\">\n");
        cards.accept(this);
        html.append("</div>\n");
        return this;
    }

    /** A framed box with a title line. */
    HtmlFragment card(Markup title, Consumer<HtmlFragment> body) {
        html.append("<div class=\"i2-card\"><div class=\"i2-card-title\">").append(title.html()).append("</div>\n");
        body.accept(this);
        html.append("</div>\n");
        return this;
    }

    private static String cell(Object value) {
        return value instanceof Number ? "<td class=\"i2-num\">" + Html.escape(value) + "</td>"
                : "<td>" + Html.of(value) + "</td>";
    }

    /** @return the HTML built so far */
    @Override
    public String toString() {
        return html.toString();
    }
}
