package io.github.mcsync.demo.coursesales;

import io.github.mcsync.coursesales.soap.CourseSalesFault;
import io.github.mcsync.coursesales.soap.CourseSalesFault_Exception;

/** Builds the contract's fault (detail CourseSalesFault{Code,Message}); faultstring = Message. */
final class Faults {

    private Faults() {
    }

    static CourseSalesFault_Exception fault(String code, String message) {
        CourseSalesFault detail = new CourseSalesFault();
        detail.setCode(code);
        detail.setMessage(message);
        return new CourseSalesFault_Exception(message, detail);
    }
}
