package io.github.mcsync.demo.coursesales;

import java.time.Duration;
import java.util.Objects;

/** Pending injected failures; each take* consumes exactly one, atomically. */
final class FaultInjection {

    private int httpFailuresLeft;
    private int httpFailureStatus;
    private int faultsLeft;
    private String faultCode;
    private String faultOperation;
    private java.time.Instant unavailableUntil = java.time.Instant.MIN;
    private int unavailableStatus;
    private Duration submissionDelay = Duration.ZERO;
    private int halfAnswersLeft;
    private String halfAnswerOperation;
    private Duration halfAnswerStall = Duration.ZERO;
    private int dropsLeft;
    private Duration responseDelay = Duration.ZERO;
    private Duration callDelay = Duration.ZERO;
    private int cannedLeft;
    private CannedAnswer canned;
    private boolean droppingConnections;

    /** An answer given as is, before CourseSales sees the request (status, Content-Type, body). */
    record CannedAnswer(int status, String contentType, String body) {
    }

    synchronized void failNext(int n, int httpStatus) {
        if (n < 0 || httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("n must be >= 0 and httpStatus a valid HTTP status");
        }
        httpFailuresLeft = n;
        httpFailureStatus = httpStatus;
    }

    /** The status to answer this request with, or 0 to handle it normally. */
    synchronized int takeHttpFailure() {
        if (httpFailuresLeft == 0) {
            return 0;
        }
        httpFailuresLeft--;
        return httpFailureStatus;
    }

    synchronized void faultNext(int n, String code) {
        faultNext(n, code, null);
    }

    /** The next n requests of this operation (null: of any operation) answer the fault. */
    synchronized void faultNext(int n, String code, String operation) {
        if (n < 0 || !FaultCodes.ALL.contains(code)) {
            throw new IllegalArgumentException("n must be >= 0 and code one of " + FaultCodes.ALL);
        }
        faultsLeft = n;
        faultCode = code;
        faultOperation = operation;
    }

    /** The fault code this request of this operation must answer, or null. */
    synchronized String takeFault(String operation) {
        if (faultsLeft == 0 || (faultOperation != null && !faultOperation.equals(operation))) {
            return null;
        }
        faultsLeft--;
        return faultCode;
    }

    /** Every request until {@code until} gets this HTTP status with no body. */
    synchronized void unavailableUntil(java.time.Instant until, int httpStatus) {
        unavailableUntil = until;
        unavailableStatus = httpStatus;
    }

    /** The status of an outage in progress, or 0. */
    synchronized int outageStatus() {
        return java.time.Instant.now().isBefore(unavailableUntil) ? unavailableStatus : 0;
    }

    synchronized void setSubmissionDelay(Duration delay) {
        submissionDelay = Objects.requireNonNull(delay);
    }

    synchronized Duration submissionDelay() {
        return submissionDelay;
    }

    /** The next n answers to this operation send their headers and half their body, then stall (or close at once). */
    synchronized void halfAnswerNext(int n, String operation, Duration stall) {
        halfAnswersLeft = n;
        halfAnswerOperation = operation;
        halfAnswerStall = Objects.requireNonNull(stall);
    }

    /** How long this answer stalls after half its body (Duration.ZERO: the connection closes), or null: a whole answer. */
    synchronized Duration takeHalfAnswer(String operation) {
        if (halfAnswersLeft == 0 || !halfAnswerOperation.equals(operation)) {
            return null;
        }
        halfAnswersLeft--;
        return halfAnswerStall;
    }

    synchronized void dropNext(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        dropsLeft = n;
    }

    synchronized boolean takeDrop() {
        if (dropsLeft == 0) {
            return false;
        }
        dropsLeft--;
        return true;
    }

    synchronized void setResponseDelay(Duration delay) {
        this.responseDelay = Objects.requireNonNull(delay);
    }

    synchronized Duration responseDelay() {
        return responseDelay;
    }

    synchronized void answerNext(int n, CannedAnswer answer) {
        if (n < 0 || answer.status() < 100 || answer.status() > 599) {
            throw new IllegalArgumentException("n must be >= 0 and status a valid HTTP status");
        }
        cannedLeft = n;
        canned = answer;
    }

    /** The canned answer this request gets, or null. */
    synchronized CannedAnswer takeCanned() {
        if (cannedLeft == 0) {
            return null;
        }
        cannedLeft--;
        return canned;
    }

    synchronized void setCallDelay(Duration delay) {
        this.callDelay = Objects.requireNonNull(delay);
    }

    synchronized Duration callDelay() {
        return callDelay;
    }

    /** Until set back to false, every SOAP request's connection is closed before CourseSales sees it. */
    synchronized void setDroppingConnections(boolean dropping) {
        droppingConnections = dropping;
    }

    synchronized boolean droppingConnections() {
        return droppingConnections;
    }

    synchronized void clear() {
        droppingConnections = false;
        cannedLeft = 0;
        callDelay = Duration.ZERO;
        httpFailuresLeft = 0;
        faultsLeft = 0;
        dropsLeft = 0;
        unavailableUntil = java.time.Instant.MIN;
        submissionDelay = Duration.ZERO;
        halfAnswersLeft = 0;
        responseDelay = Duration.ZERO;
    }
}
