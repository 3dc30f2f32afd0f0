/**
 * The stack's pages in Karaf's Felix Web Console, in its "Internet 2.0" category.
 *
 * <p>What it is for: an operator sees the node in a browser at {@code /system/console/internet2-stack} (layers,
 * their status and figures, alerts), {@code internet2-trustchain} (certificates issued, revocations, the CT tree
 * head), {@code internet2-dns} (the zone's records and the server's counters), {@code internet2-stoq} (listeners
 * and connection counters) and {@code internet2-hypermesh} (assets, allocations, consensus and proof engines).
 *
 * <p>How it fits together: each page is a DS component registering a plain {@code javax.servlet.Servlet} with
 * {@code felix.webconsole.label}, {@code felix.webconsole.title} and {@code felix.webconsole.category}; the Web
 * Console (4.8.12 inside Karaf 4.4.10) wraps such servlets in its own header, navigation and login. Every layer
 * service a page reads is an optional, dynamic reference: the bundle resolves with the API bundles alone and a
 * page says "not installed" for what is absent, and picks it up live when it comes. Pages are rendered on the
 * server into HTML by {@link network.internet2.management.webconsole.internal.HtmlFragment}, which escapes every
 * value; they use a few lines of inline CSS and no external resources, and they change nothing (GET only).
 *
 * <p>The settings forms of the Configuration page come from the metatype each component bundle carries, not
 * from here.
 */
package network.internet2.management.webconsole.internal;
