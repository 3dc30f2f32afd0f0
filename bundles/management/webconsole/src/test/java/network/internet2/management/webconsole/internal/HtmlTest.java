package network.internet2.management.webconsole.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class HtmlTest {

    @Test
    public void escapesEveryCharacterThatCouldOpenMarkup() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
                Html.escape("<script>alert(\"x\")</script> & 'y'"));
        assertEquals("", Html.escape(null));
    }

    @Test
    public void writesMarkupAsItIsAndEverythingElseEscaped() {
        assertEquals("<b>x</b>", Html.of(new Html.Markup("<b>x</b>")));
        assertEquals("&lt;b&gt;", Html.of("<b>"));
    }

    @Test
    public void badgesColourTheStatusAndEscapeIt() {
        assertTrue(Html.badge("ok").html().contains("i2-good"));
        assertTrue(Html.badge("degraded").html().contains("i2-bad"));
        assertTrue(Html.badge("absent").html().contains("i2-none"));
        assertTrue(Html.badge("<x>").html().contains("&lt;x&gt;"));
    }

    @Test
    public void tablesEscapeCellsAndHeadersAndAlignNumbersRight() {
        String html = new HtmlFragment().table(List.of("<Name>"), List.of(List.of("<img src=x>"), List.of(42L)),
                "none").toString();
        assertTrue(html, html.contains("<th>&lt;Name&gt;</th>"));
        assertTrue(html, html.contains("<td>&lt;img src=x&gt;</td>"));
        assertTrue(html, html.contains("<td class=\"i2-num\">42</td>"));
        assertFalse(html, html.contains("<img"));
    }

    @Test
    public void anEmptyTableSaysWhyInstead() {
        String html = new HtmlFragment().table(List.of("Name"), List.of(), "No <record>.").toString();
        assertFalse(html, html.contains("<table"));
        assertTrue(html, html.contains("No &lt;record&gt;."));
    }

    @Test
    public void nestedPartsAreClosed() {
        String html = new HtmlFragment().grid(grid -> grid.card(new Html.Markup("t"),
                card -> card.facts(Map.of("a", "b")))).toString();
        assertEquals(count(html, "<div"), count(html, "</div>"));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    public void aPartThatFailsIsReportedAndThePageGoesOn() {
        HtmlFragment page = new HtmlFragment();
        ConsolePage.part(page, "the <zone>", fragment -> {
            throw new IllegalStateException("server stopping");
        });
        page.paragraph("after");
        String html = page.toString();
        assertTrue(html, html.contains("could not read the &lt;zone&gt;: java.lang.IllegalStateException: server "
                + "stopping"));
        assertTrue(html, html.endsWith("<p>after</p>\n"));
    }
}
