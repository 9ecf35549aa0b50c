package io.github.mcsync.demo.coursesales;

import io.github.mcsync.coursesales.soap.CourseSalesFault;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Out-fault interceptor that makes every fault the contract's: faultcode soap:Client for all codes except
 * RATE_LIMITED and INTERNAL_ERROR (soap:Server) — JAX-WS would send soap:Server for every checked
 * exception — and a CourseSalesFault detail also on faults CXF raised itself (a malformed request becomes
 * INVALID_VALUE, anything else INTERNAL_ERROR). Runs after WebFaultOutInterceptor, before the fault is written.
 */
final class FaultCodeInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final JAXBContext DETAIL_CONTEXT = detailContext();

    FaultCodeInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        String code = courseSalesCode(fault);
        if (code == null) {
            code = isClientFault(fault) ? FaultCodes.INVALID_VALUE : FaultCodes.INTERNAL_ERROR;
            addDetail(fault, code);
        }
        fault.setFaultCode(FaultCodes.isServerFault(code)
                ? Soap11.getInstance().getReceiver() : Soap11.getInstance().getSender());
    }

    private static String courseSalesCode(Fault fault) {
        if (fault.getCause() instanceof CourseSalesFault_Exception e && e.getFaultInfo() != null) {
            return e.getFaultInfo().getCode();
        }
        return null;
    }

    /** Faults CXF raises while reading the request (unmarshalling, schema validation) are the client's. */
    private static boolean isClientFault(Fault fault) {
        if (Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                || Soap11.getInstance().getSender().equals(fault.getFaultCode())) {
            return true;
        }
        for (Throwable t = fault.getCause(); t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof javax.xml.stream.XMLStreamException || t instanceof org.xml.sax.SAXException
                    || name.startsWith("jakarta.xml.bind.") || name.contains("Unmarshal")) {
                return true;
            }
        }
        return false;
    }

    private static void addDetail(Fault fault, String code) {
        CourseSalesFault detail = new CourseSalesFault();
        detail.setCode(code);
        detail.setMessage(fault.getMessage() == null ? FaultCodes.defaultMessage(code) : fault.getMessage());
        try {
            DETAIL_CONTEXT.createMarshaller().marshal(detail, fault.getOrCreateDetail());
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write the CourseSalesFault detail", e);
        }
    }

    private static JAXBContext detailContext() {
        try {
            return JAXBContext.newInstance(CourseSalesFault.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
