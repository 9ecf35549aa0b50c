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
 * address and time-outs from configuration.
 */
public final class CourseSalesEndpoint {
    public static final String NAMESPACE = "urn:coursesales:webservices:v1";

    private CourseSalesEndpoint() {
    }

    public static CxfEndpoint create(CamelContext context, String address, Duration connectTimeout, Duration receiveTimeout) {
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
                ((HTTPConduit) client.getConduit()).setClient(policy);
            }

            @Override
            public void configureServer(Server server) {
            }
        });
        return endpoint;
    }
}
