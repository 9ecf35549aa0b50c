package io.github.mcsync.beans;

import io.github.mcsync.Settings;
import io.github.mcsync.coursesales.CourseSalesCall;
import io.github.mcsync.coursesales.CourseSalesEndpoint;
import io.github.mcsync.coursesales.CourseSalesRequests;
import io.github.mcsync.coursesales.MetadataCache;
import io.github.mcsync.coursesales.SoapMetadata;
import io.github.mcsync.observe.SyncMetrics;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;

/**
 * The CourseSales SOAP adapter's beans (coursesales.* properties): the {@code cxf:bean:courseSales} endpoint
 * (the contract's WSDL, address and time-outs), the request builder holding the login, the metadata cache.
 */
public final class CourseSalesBeans implements CamelConfiguration {

    @BindToRegistry
    public CxfEndpoint courseSales(CamelContext context, Settings s) {
        return CourseSalesEndpoint.create(context, s.get("coursesales.url"), s.duration("coursesales.connect-timeout"),
                s.duration("coursesales.receive-timeout"));
    }

    /** The callCourseSales route's SOAP call, on the calling thread (CourseSalesCall), ready once the context started. */
    @BindToRegistry
    public CourseSalesCall courseSalesCall(CamelContext context, SyncMetrics syncMetrics) throws Exception {
        CourseSalesCall call = new CourseSalesCall(context, "cxf:bean:courseSales", syncMetrics);
        context.addService(call, true, true);
        return call;
    }

    @BindToRegistry
    public CourseSalesRequests courseSalesRequests(Settings s) {
        return new CourseSalesRequests(s.get("coursesales.username"), s.secret("coursesales.password"));
    }

    @BindToRegistry
    public MetadataCache metadataCache(Settings s, Clock clock) {
        return new MetadataCache(clock, s.duration("coursesales.metadata.ttl"));
    }

    @BindToRegistry
    public SoapMetadata soapMetadata(Clock clock) {
        return new SoapMetadata(clock);
    }
}
