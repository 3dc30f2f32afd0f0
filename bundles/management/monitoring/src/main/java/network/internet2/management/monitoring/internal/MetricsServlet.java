package network.internet2.management.monitoring.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the node's meters in the Prometheus text exposition format 0.0.4, in OpenMetrics 1.0
 * when the scraper's {@code Accept} header asks for {@code application/openmetrics-text}, or as JSON with
 * {@code ?format=json}. Any other {@code format} is refused with 400.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("internet2-metrics")
@HttpWhiteboardServletPattern("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;
    private final transient ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public MetricsServlet(@Reference PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String format = request.getParameter("format");
        if ("json".equals(format)) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("meters", MeterSummary.all(registry));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), answer);
            return;
        }
        if (format != null && !format.equals("prometheus") && !format.equals("openmetrics")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "unknown format '" + format + "': use prometheus (the default), openmetrics or json");
            return;
        }
        String accept = request.getHeader("Accept");
        boolean openMetrics = "openmetrics".equals(format)
                || (format == null && accept != null && accept.contains("application/openmetrics-text"));
        String contentType = openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        byte[] body = registry.scrape(contentType).getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
