package network.internet2.management.webconsole.internal;

import java.io.IOException;
import java.util.function.Consumer;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One page of the stack in the Felix Web Console. The console finds it as a {@code javax.servlet.Servlet}
 * service with {@value #LABEL} (the page's URL under {@code /system/console/}), {@value #TITLE} and
 * {@value #CATEGORY}, draws its own header, navigation and login around it, and hands GET requests to
 * {@link #doGet}, which writes the page's content. Pages only read: other methods are refused.
 */
abstract class ConsolePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String LABEL = "felix.webconsole.label";
    static final String TITLE = "felix.webconsole.title";
    static final String CATEGORY = "felix.webconsole.category";
    /** The console's menu group for our pages. */
    static final String INTERNET2 = "Internet 2.0";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the console has set the content type and written its header into this same writer
        response.getWriter().print(render());
    }

    /** @return the page's content: its styles and its HTML */
    String render() {
        HtmlFragment page = new HtmlFragment();
        content(page);
        return "<style>" + Styles.CSS + "</style>\n<div class=\"i2\">\n" + page + "</div>\n";
    }

    /** Writes what the page shows. */
    abstract void content(HtmlFragment page);

    /**
     * Writes one part of a page; a service that fails while it is read is reported on the page, and the rest of
     * the page is still shown.
     */
    static void part(HtmlFragment page, String what, Consumer<HtmlFragment> body) {
        try {
            body.accept(page);
        } catch (RuntimeException e) {
            page.problems(java.util.List.of("could not read " + what + ": " + e));
        }
    }
}
