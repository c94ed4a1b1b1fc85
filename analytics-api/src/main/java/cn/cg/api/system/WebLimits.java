package cn.cg.api.system;

import jakarta.servlet.MultipartConfigElement;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the request limits of {@link CgProperties} into the servlet container: the {@link RequestLimits}
 * filter ahead of everything, the upload limit as the multipart configuration, and Tomcat's own header
 * buffer as a backstop above both, whose refusals come out as problem details too.
 */
@Configuration(proxyBeanMethods = false)
class WebLimits {

    @Bean
    FilterRegistrationBean<RequestLimits> requestLimits(CgProperties properties) {
        FilterRegistrationBean<RequestLimits> r = new FilterRegistrationBean<>(new RequestLimits(properties.requests()));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE); // before authentication: an oversized request costs nothing more
        return r;
    }

    /** cg.imports.max-upload, for the file and the whole request (replaces spring.servlet.multipart.*). */
    @Bean
    MultipartConfigElement multipartConfigElement(CgProperties properties) {
        long max = properties.imports().maxUpload().toBytes();
        return new MultipartConfigElement("", max, max, 0);
    }

    @Bean
    TomcatBackstop tomcatBackstop(CgProperties properties) {
        CgProperties.Requests r = properties.requests();
        // Room for the request line with the longest URL accepted, every header accepted, and slack: what
        // passes the filter's limits always reaches the filter, which names the limit it breaks.
        return new TomcatBackstop((int) (r.maxUrlLength() + r.maxHeaderSize().toBytes() + 8192));
    }

    /** Runs after Spring Boot's own Tomcat customizer, so its header size and error valve are replaced. */
    record TomcatBackstop(int maxHeaderBytes) implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setMaxHttpRequestHeaderSize(maxHeaderBytes);
                }
            });
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve v : host.getValves()) {
                    if (v instanceof ErrorReportValve) {
                        host.removeValve(v);
                    }
                }
                host.addValve(new ProblemErrorReportValve(maxHeaderBytes));
                if (context.getParent() instanceof StandardHost h) {
                    h.setErrorReportValveClass(ProblemErrorReportValve.class.getName()); // so Tomcat adds no other
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
