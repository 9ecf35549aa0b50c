package io.github.mcsync.coursesales;

import io.github.mcsync.coursesales.CourseSalesMetadata.Category;
import io.github.mcsync.coursesales.CourseSalesMetadata.CourseDate;
import io.github.mcsync.coursesales.CourseSalesMetadata.Field;
import io.github.mcsync.coursesales.CourseSalesMetadata.Form;
import io.github.mcsync.coursesales.CourseSalesMetadata.Item;
import io.github.mcsync.coursesales.CourseSalesMetadata.Process;
import io.github.mcsync.coursesales.soap.FormRecord;
import io.github.mcsync.coursesales.soap.GetCourseDatesResponse;
import io.github.mcsync.coursesales.soap.GetFormResponse;
import io.github.mcsync.coursesales.soap.GetOptionsResponse;
import io.github.mcsync.coursesales.soap.GetProcessResponse;
import java.time.Clock;
import java.time.LocalDate;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.camel.Variable;

/** Turns the SOAP metadata responses (collected by the refreshCourseSalesMetadata route) into {@link CourseSalesMetadata}. */
public final class SoapMetadata {
    private final Clock clock;

    public SoapMetadata(Clock clock) {
        this.clock = clock;
    }

    public CourseSalesMetadata assemble(@Variable("registrationForm") GetFormResponse form,
                                        @Variable("contactForm") GetFormResponse contactForm,
                                        @Variable("process") GetProcessResponse process,
                                        @Variable("categories") GetOptionsResponse categories,
                                        @Variable("courseDates") GetCourseDatesResponse courseDates) {
        return new CourseSalesMetadata(
                form(form.getForm()),
                contactForm == null ? null : form(contactForm.getForm()),
                new Process(process.getProcess().getProcessId(), process.getProcess().getName(),
                        process.getProcess().getStatus(),
                        process.getProcess().getStep().stream().map(s -> new Item(s.getStepId(), s.getName(), s.getStatus())).toList(),
                        process.getProcess().getPath().stream().map(p -> new Item(p.getPathId(), p.getName(), p.getStatus())).toList()),
                categories.getOption().stream()
                        .map(o -> new Category(o.getOptionId(), o.getName(), o.getStatus(), o.getMoodleCategoryId())).toList(),
                courseDates.getCourseDate().stream()
                        .map(d -> new CourseDate(d.getCourseDateId(), d.getName(), d.getCode(), date(d.getStartDate()),
                                d.getStatus(), d.isPublic(), d.getCourseCategoryId(), d.getMoodleId())).toList(),
                clock.instant());
    }

    /** An xs:date without a time zone: the licence's local date. */
    static LocalDate date(XMLGregorianCalendar d) {
        return d == null ? null : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    private static Form form(FormRecord f) {
        return new Form(f.getFormId(), f.getName(), f.getRecordType(), f.getStatus(), f.isPublished(),
                f.getField().stream().map(x -> new Field(x.getFieldId(), x.getName(), x.getLabel(), x.getType(),
                        x.getStatus(), x.isMandatory(), x.getInternalExportId())).toList());
    }
}
