package io.github.mcsync.coursesales;

import io.github.mcsync.coursesales.soap.CourseSalesPortType;
import java.time.Duration;
import javax.xml.namespace.QName;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The {@code cxf:bean:courseSales} endpoint: the contract's WSDL, POJO data format (generated JAXB types),
 * address and time-outs from configuration (applied to every read of an answer, so no call outlives them).
 */
public final class CourseSalesEndpoint {
    public static final String NAMESPACE = "urn:coursesales:webservices:v1";
    /** CXF's contextual property that makes its HTTP conduit use HttpURLConnection. */
    static final String FORCE_URLCONNECTION = "force.urlconnection.http.conduit";

    private CourseSalesEndpoint() {
    }

    public static CxfEndpoint create(CamelContext context, String address, Duration connectTimeout, Duration receiveTimeout) {
        // HttpURLConnection sends a POST again by itself when the connection closed without an answer: a second
        // registration. Never (read once, when HttpURLConnection is first used: before any CourseSales call)
        System.setProperty("sun.net.http.retryPost", "false");
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(context);
        endpoint.setAddress(address);
        endpoint.setServiceClass(CourseSalesPortType.class);
        endpoint.setWsdlURL("classpath:wsdl/coursesales.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "CourseSalesService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "CourseSalesPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setCxfConfigurer(new CxfConfigurer() {
            @Override
            public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            }

            @Override
            public void configureClient(Client client) {
                HTTPClientPolicy policy = new HTTPClientPolicy();
                policy.setConnectionTimeout(connectTimeout.toMillis());
                policy.setReceiveTimeout(receiveTimeout.toMillis());
                // CXF's default conduit (java.net.http) applies the receive time-out to the answer's headers only: a
                // CourseSales that falls silent in the middle of an answer held a call for ever. The URLConnection
                // conduit applies it to every read of the answer (a socket read time-out), so each call ends within
                // connect + receive time-out, a reset connection at once.
                client.getEndpoint().put(FORCE_URLCONNECTION, Boolean.TRUE);
                ((HTTPConduit) client.getConduit()).setClient(policy);
            }

            @Override
            public void configureServer(Server server) {
            }
        });
        return endpoint;
    }
}
