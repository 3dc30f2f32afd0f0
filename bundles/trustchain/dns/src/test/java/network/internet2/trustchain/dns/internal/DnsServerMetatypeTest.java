package network.internet2.trustchain.dns.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.InputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The metatype bnd generated for the server (the build's {@code OSGI-INF/metatype}): the form is designated
 * for the server's own PID, so the Web Console shows it, and not for the node PID it shares with the CA.
 */
public class DnsServerMetatypeTest {

    private static final String OCD = DnsServerComponent.Config.class.getName();

    @Test
    public void theServerFormIsDesignatedForTheServerPidOnly() throws Exception {
        Document metatype;
        try (InputStream xml = getClass().getClassLoader().getResourceAsStream("OSGI-INF/metatype/" + OCD + ".xml")) {
            assertNotNull("bnd wrote no metatype for " + OCD, xml);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            metatype = factory.newDocumentBuilder().parse(xml);
        }
        NodeList designates = metatype.getElementsByTagName("Designate");
        assertEquals("one designation", 1, designates.getLength());
        Element designate = (Element) designates.item(0);
        assertEquals(DnsServerComponent.PID, designate.getAttribute("pid"));
        assertEquals("", designate.getAttribute("factoryPid"));
        Element object = (Element) designate.getElementsByTagName("Object").item(0);
        assertEquals(OCD, object.getAttribute("ocdref"));
        Element ocd = (Element) metatype.getElementsByTagName("OCD").item(0);
        assertEquals(OCD, ocd.getAttribute("id"));
        assertEquals("every setting is on the form", DnsServerComponent.Config.class.getDeclaredMethods().length,
                ocd.getElementsByTagName("AD").getLength());
    }
}
