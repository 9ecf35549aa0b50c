package io.github.mcsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mcsync.SyncHarness;
import io.github.mcsync.demo.coursesales.CourseSalesDemoData;
import io.github.mcsync.demo.moodle.SimulatedUser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The ops console in a real browser (headless Chromium) against the real application (SyncHarness: the route files,
 * the beans, Camel Main) between the Moodle (HTTP) and CourseSales (SOAP) simulators. An operator signs in, sees what
 * is stuck and why, replays, discards, resumes a halted feed; hostile Moodle data stays text. Skips with a message
 * where Chromium is not installed.
 */
class OpsConsoleBrowserTest {
    @TempDir
    static Path profile;
    @TempDir
    Path stateDir;

    static ConsoleBrowser browser;
    SyncHarness sync;

    @BeforeAll
    static void startBrowser() {
        if (ConsoleBrowser.available()) {
            browser = ConsoleBrowser.start(profile);
        } else {
            System.err.println(ConsoleBrowser.unavailableMessage());
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void desktop() {
        Assumptions.assumeTrue(browser != null, ConsoleBrowser::unavailableMessage); // each test reported as skipped
        browser.size(1280, 1000);
    }

    @AfterEach
    void noErrorInTheBrowser() throws Exception {
        if (browser == null) {
            return;
        }
        try {
            assertEquals(List.of(), browser.errors(), "the page ran without a script error or a Content-Security-Policy violation");
        } finally {
            if (sync != null) {
                sync.close();
            }
        }
    }

    /** PHYS101 only; the first poll delivers its 3 students. */
    private void startWithPhys101Delivered() throws Exception {
        sync = new SyncHarness(stateDir).with("moodle.courses", "2").start();
        assertEquals(3, sync.poll().sentCount());
    }

    private long enrol(SimulatedUser user) {
        long id = sync.moodle.addUser(user);
        sync.moodle.enrol(2, id, "student");
        return id;
    }

    private long enrolNewStudent(String username) {
        return enrol(SimulatedUser.builder(username).firstname("First " + username).lastname("Last")
                .email(username + "@example.com").build());
    }

    /** New students whose SubmitRegistration CourseSales refuses with this fault code, dead-lettered by a poll. */
    private List<Long> deadLetter(String code, String... usernames) {
        List<Long> users = Arrays.stream(usernames).map(this::enrolNewStudent).toList();
        sync.courseSales.faultNextSubmissions(usernames.length, code);
        assertEquals(usernames.length, sync.poll().deadLetteredCount());
        return users;
    }

    private long deadLetterId(long moodleUser) {
        return sync.deadLetters().stream().filter(r -> r.get("SOURCE_REFERENCE").equals("moodle:c2:u" + moodleUser))
                .map(r -> ((Number) r.get("ID")).longValue()).findFirst().orElseThrow();
    }

    private String statusOf(long deadLetterId) {
        return (String) sync.state().queryForObject("SELECT status FROM dead_letter WHERE id = ?", String.class, deadLetterId);
    }

    private void signIn() {
        browser.open(sync.opsUrl() + "/ops/");
        browser.visible("#username").clear();
        browser.find("#username").sendKeys("ops");
        browser.find("#password").sendKeys(SyncHarness.OPS_PASSWORD, Keys.ENTER);
        browser.visible("#feed-state");
    }

    private void section(String name) {
        browser.click("#nav a[data-view='" + name + "']");
    }

    @Test
    void signInWithTheKeyboardRefusesAWrongPasswordThenShowsTheRunningFeed() throws Exception {
        startWithPhys101Delivered();
        browser.open(sync.opsUrl() + "/ops");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/ops/"), "/ops is redirected to /ops/");
        browser.visible("#sign-in");
        assertEquals("input#username", browser.focused(), "the username field has the focus");
        browser.find("#username").sendKeys("ops", Keys.TAB, "not-the-password", Keys.ENTER);
        assertEquals("Wrong username or password.", browser.textOf("#sign-in-error", "Wrong"));
        assertFalse(browser.find("#nav").isDisplayed(), "nothing but the sign-in before a login is taken");
        assertEquals("input#password", browser.focused(), "the focus is back in the password field");
        assertTrue(browser.errors().stream().allMatch(e -> e.contains("/api/status") && e.contains("401")),
                "the refused sign-in is the only thing the browser reports");

        browser.find("#password").sendKeys(SyncHarness.OPS_PASSWORD, Keys.ENTER);

        assertEquals("Feed RUNNING", browser.textOf("#feed-state .state-label", "RUNNING"));
        assertTrue(browser.textOf("#last-poll", "poll 1").contains("poll 1: 3 new, 3 sent, 0 dead-lettered"));
        assertEquals("page", browser.find("#nav a[data-view='status']").getAttribute("aria-current"));
        assertEquals("Signed in as ops", browser.find("#who-name").getText());
        assertNull(browser.script("return sessionStorage.length || localStorage.length || document.cookie || null;"),
                "the login is kept in memory only");
        // the sections are reached with the keyboard too, with a visible focus
        browser.find("#nav a[data-view='status']").sendKeys(Keys.TAB);
        assertEquals("a.Preflight", browser.focused());
        assertEquals("solid", browser.script("return getComputedStyle(document.activeElement).outlineStyle;"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.visible("#preflight-run");
        assertEquals("h1#preflight-title", browser.focused(), "a new section moves the focus to its heading");

        browser.click("#sign-out");
        browser.visible("#sign-in");
        assertFalse(browser.find("#view-preflight").isDisplayed());
    }

    @Test
    void aSeededDeadLetterShowsItsReasonIsReplayedOnceAndLeavesTheList() throws Exception {
        startWithPhys101Delivered();
        long user = deadLetter("FIELD_INACTIVE", "stuck.one").get(0);
        long id = deadLetterId(user);
        long other = enrol(SimulatedUser.builder("no.mail").firstname("No").lastname("Mail").build());
        assertEquals(1, sync.poll().deadLetteredCount());
        signIn();
        assertTrue(browser.textOf("#dead-letter-counts", "Waiting").contains("Waiting (new)\n2"));
        browser.screenshot("console-status");

        section("dead-letters");
        WebElement row = browser.visible("tr[data-id='" + id + "']");
        assertTrue(row.getText().contains("moodle:c2:u" + user), row.getText());
        assertTrue(row.getText().contains("FIELD_INACTIVE"), row.getText());
        assertTrue(browser.textOf("#reasons-body tr[data-reason='FIELD_INACTIVE']", "FIELD_INACTIVE")
                .contains("Replay all 1"));
        assertTrue(browser.find("#reasons-body tr[data-reason='MISSING_REQUIRED_VALUE']").getText()
                .contains("fill it in the Moodle user's profile"), "an own reason code comes with its operator sentence");
        assertEquals("FIELD_INACTIVE (1)", browser.find("#filter-reason option[value='FIELD_INACTIVE']").getText());
        browser.screenshot("console-dead-letters");
        int sentBefore = sync.courseSales.callCount("SubmitRegistration");

        browser.click("tr[data-id='" + id + "'] button[data-action='replay']");

        String result = browser.textOf("tr[data-id='" + id + "'] td.result", "DELIVERED");
        assertTrue(result.contains("CourseSales document"), result);
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + user), "CourseSales received it once");
        assertEquals(sentBefore + 1, sync.courseSales.callCount("SubmitRegistration"));
        assertEquals("REPLAYED", statusOf(id));
        browser.click("#dead-letters-refresh");
        browser.gone("tr[data-id='" + id + "']");
        assertTrue(browser.visible("tr[data-id='" + deadLetterId(other) + "']").getText().contains("MISSING_REQUIRED_VALUE"),
                "the other dead letter still waits");
        new Select(browser.find("#filter-reason")).selectByValue("FIELD_INACTIVE");
        assertEquals("No dead letter matches this filter.", browser.visible("#dead-letters-empty").getText());

        new Select(browser.find("#filter-status")).selectByValue("REPLAYED");
        assertEquals("FIELD_INACTIVE (1)", browser.textOf("#filter-reason option[value='FIELD_INACTIVE']", "(1)"),
                "the reason filter counts the dead letters of the status chosen");
        assertTrue(browser.textOf("tr[data-id='" + id + "']", "REPLAYED").contains("FIELD_INACTIVE"));
        assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + user), "still once");
    }

    @Test
    void theDetailGivesTheReasonTheEnrolmentTheHistoryAndDiscardAsksFirst() throws Exception {
        startWithPhys101Delivered();
        long user = enrol(SimulatedUser.builder("no.mail").firstname("Noor").lastname("Mail").phone1("+61 2 5550 1234")
                .institution("Northern TAFE").city("Darwin").country("AU").build());
        assertEquals(1, sync.poll().deadLetteredCount());
        long id = deadLetterId(user);
        signIn();
        browser.open(sync.opsUrl() + "/ops/#dead-letter/" + id);
        assertTrue(browser.textOf("#dead-letter-reason", "MISSING_REQUIRED_VALUE").contains("MISSING_REQUIRED_VALUE"));
        assertTrue(browser.find("#dead-letter-advice").getText().contains("fill it in the Moodle user's profile, then replay"),
                browser.find("#dead-letter-advice").getText());
        String person = browser.find("#enrolment-person").getText();
        for (String fact : List.of("Noor Mail", "no.mail", "Moodle user id\n" + user, "+61 2 5550 1234", "Northern TAFE", "Darwin")) {
            assertTrue(person.contains(fact), fact + " in " + person);
        }
        assertTrue(browser.find("#enrolment-course").getText().contains("PHYS101"), browser.find("#enrolment-course").getText());
        assertTrue(browser.find("#dead-letter-body").getText().contains("Attempts\n1"));
        assertTrue(browser.textOf("#dead-letter-body table", "Failed").contains("MISSING_REQUIRED_VALUE"));
        browser.screenshot("console-dead-letter");

        // Discard asks first; Escape (the keyboard's cancel) leaves the dead letter waiting
        browser.click("#detail-discard");
        WebElement dialog = browser.visible("#confirm");
        assertTrue(dialog.getText().contains("no poll and no replay will ever send it"), dialog.getText());
        assertEquals("button#confirm-cancel", browser.focused(), "the focus starts on Cancel");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.gone("#confirm");
        assertEquals("button#detail-discard", browser.focused(), "the focus returns to the button");
        assertEquals("NEW", statusOf(id));

        browser.click("#detail-discard");
        browser.click("#confirm-ok");
        browser.textOf("#dead-letter-body", "DISCARDED");
        assertEquals("DISCARDED", statusOf(id));
        assertTrue(browser.textOf("#dead-letter-body table", "Discarded").contains("recorded as done, never sent"));
        assertTrue(browser.findAll("#detail-replay").isEmpty(), "a discarded dead letter has nothing left to do");
        assertEquals(0, sync.courseSales.documentCount("moodle:c2:u" + user));
    }

    @Test
    void replayAllOfAReasonAsksFirstAndShowsEachResultInItsRow() throws Exception {
        startWithPhys101Delivered();
        List<Long> users = deadLetter("FIELD_INACTIVE", "bulk.one", "bulk.two");
        signIn();
        section("dead-letters");
        int sentBefore = sync.courseSales.callCount("SubmitRegistration");

        browser.click("#reasons-body tr[data-reason='FIELD_INACTIVE'] button");
        assertTrue(browser.visible("#confirm").getText().contains("2 dead letters with reason FIELD_INACTIVE"));
        browser.click("#confirm-cancel");
        browser.gone("#confirm");
        assertEquals(sentBefore, sync.courseSales.callCount("SubmitRegistration"), "cancelled: nothing sent");

        browser.click("#reasons-body tr[data-reason='FIELD_INACTIVE'] button");
        browser.click("#confirm-ok");

        assertTrue(browser.textOf("#notice", "replayed").contains("2 replayed: 2 DELIVERED"), browser.find("#notice").getText());
        for (long user : users) {
            long id = deadLetterId(user);
            assertTrue(browser.textOf("tr[data-id='" + id + "'] td.result", "DELIVERED").contains("DELIVERED"));
            assertEquals(1, sync.courseSales.documentCount("moodle:c2:u" + user));
        }
        assertEquals("none waiting", browser.textOf("#reasons-body tr[data-reason='FIELD_INACTIVE'] td.actions", "none"));
    }

    @Test
    void aFeedHaltedByARefusedLoginSaysWhyAndResumesAfterAConfirmationThatOneLoginWillBeTried() throws Exception {
        startWithPhys101Delivered();
        sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, "changed-in-coursesales"); // our password is now wrong
        enrolNewStudent("waits.at.source");
        sync.poll();
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        signIn();

        String state = browser.textOf("#feed-state", "HALTED");
        assertTrue(state.startsWith("Feed HALTED"), state);
        assertTrue(state.contains("nothing is read or sent until an operator resumes it"), state);
        assertTrue(state.contains("AUTHENTICATION_FAILED"), state);
        browser.screenshot("console-halted");
        browser.size(390, 844);
        Map<String, Object> phone = browser.metrics();
        assertTrue(((Number) phone.get("scrollWidth")).intValue() <= ((Number) phone.get("innerWidth")).intValue(),
                "the status view fits a phone's width: " + phone);
        assertTrue(browser.find("#resume").isDisplayed());
        browser.screenshot("console-status-phone");
        browser.size(1280, 1000);

        section("preview"); // what a poll would do now: nothing, and it says why; asking tries no login
        browser.click("#preview-run");
        String halted = browser.textOf("#preview-halted", "AUTHENTICATION_FAILED");
        assertTrue(halted.contains("a poll now reads nothing and sends nothing"), halted);
        assertEquals("The next poll would pick up no enrolment.", browser.find("#preview-empty").getText());
        assertEquals(1, sync.courseSales.failedLoginAttempts());
        browser.screenshot("console-preview-halted");
        section("status");

        browser.click("#resume");
        String confirmation = browser.visible("#confirm").getText();
        assertTrue(confirmation.contains("tries the CourseSales login once"), confirmation);
        assertTrue(confirmation.contains("locks a login after 3 failed attempts"), confirmation);
        assertEquals(1, sync.courseSales.failedLoginAttempts(), "asking costs no login");
        sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, CourseSalesDemoData.PASSWORD); // fixed in CourseSales
        browser.click("#confirm-ok");

        assertEquals("Feed RUNNING", browser.textOf("#feed-state .state-label", "RUNNING"));
        assertTrue(browser.find("#notice").getText().contains("Feed resumed"));
        assertTrue(browser.findAll("#resume").isEmpty());
        assertEquals(1, sync.poll().sentCount(), "the enrolment that waited at its source is sent");
        assertEquals(1, sync.courseSales.failedLoginAttempts(), "one failed login in all");
    }

    @Test
    void aStalledFeedIsShownWhenTheStatusSaysSo() throws Exception {
        startWithPhys101Delivered();
        signIn();
        assertTrue(browser.findAll("#feed-stalled").isEmpty(), "a feed that polls is not stalled");
        // the status answer of a stalled feed (StatusReport's "stalled": why), planted in the page's answers
        browser.script("const real = window.fetch; window.fetch = async (path, init) => { const r = await real(path, init);"
                + " if (!String(path).startsWith('/api/status')) return r; const body = await r.json();"
                + " body.stalled = 'no poll succeeded since 2027-02-01T00:00:00Z (feed.stalled-after 15m) <b>x</b>';"
                + " return new Response(JSON.stringify(body), { status: r.status, headers: r.headers }); };");
        browser.click("#status-refresh");
        String warning = browser.textOf("#feed-stalled", "STALLED");
        assertTrue(warning.contains("No poll has succeeded for too long"), warning);
        assertTrue(warning.contains("feed.stalled-after 15m) <b>x</b>"), "the reason, as text: " + warning);
        assertEquals(List.of(), browser.accessibilityFindings(), "status, stalled");
    }

    @Test
    void aFeedHaltedByMoodleSaysResumingCallsMoodleOnce() throws Exception {
        startWithPhys101Delivered();
        sync.moodle.setToken("rotated-in-moodle");
        sync.poll();
        signIn();
        assertTrue(browser.textOf("#feed-state", "HALTED").contains("Moodle refused"), browser.find("#feed-state").getText());
        browser.click("#resume");
        assertTrue(browser.visible("#confirm").getText().contains("calls Moodle once with the configured token"));
        browser.click("#confirm-cancel");
        browser.gone("#confirm");
        assertTrue(browser.find("#feed-state").getText().startsWith("Feed HALTED"), "cancelled: still halted");
    }

    @Test
    void everyViewHasLabelledControlsAndTextWithAaContrast() throws Exception {
        startWithPhys101Delivered();
        deadLetter("FIELD_INACTIVE", "contrast.one");
        sync.courseSales.setCredentials(CourseSalesDemoData.USERNAME, "changed");
        enrolNewStudent("contrast.two");
        sync.poll(); // halted: the status shows its red block and Resume
        browser.open(sync.opsUrl() + "/ops/");
        browser.visible("#sign-in");
        assertEquals(List.of(), browser.accessibilityFindings(), "sign-in");
        browser.find("#username").sendKeys("ops", Keys.TAB, "wrong", Keys.ENTER);
        browser.visible("#sign-in-error");
        assertEquals(List.of(), browser.accessibilityFindings(), "sign-in refused");
        browser.errors();
        signIn();
        browser.visible("#resume");
        assertEquals(List.of(), browser.accessibilityFindings(), "status, halted");
        browser.click("#resume");
        browser.visible("#confirm");
        assertEquals(List.of(), browser.accessibilityFindings(), "resume confirmation");
        browser.click("#confirm-cancel");
        section("dead-letters");
        browser.visible("#dead-letters-body table");
        assertEquals(List.of(), browser.accessibilityFindings(), "dead letters");
        browser.click("#dead-letters-body a[href^='#dead-letter/']");
        browser.visible("#dead-letter-advice, #dead-letter-reason");
        browser.visible("#enrolment-person");
        assertEquals(List.of(), browser.accessibilityFindings(), "a dead letter");
        section("history");
        browser.visible("#history-body table");
        assertEquals(List.of(), browser.accessibilityFindings(), "run history");
        section("preflight");
        browser.click("#preflight-run");
        browser.visible("#preflight-body table");
        assertEquals(List.of(), browser.accessibilityFindings(), "preflight");
        // the check itself sees what it is for: pale text and an unlabelled field planted by the test
        browser.script("const p = document.createElement('p'); p.textContent = 'pale words'; p.style.color = '#b0b0b0';"
                + " document.getElementById('preflight-body').append(p, document.createElement('input'));");
        List<String> planted = browser.accessibilityFindings();
        assertEquals(2, planted.size(), planted.toString());
        assertTrue(planted.get(0).contains("pale words") && planted.get(1).startsWith("no label"), planted.toString());
    }

    @Test
    void hostileMoodleNamesAndRightToLeftTextRenderAsText() throws Exception {
        startWithPhys101Delivered();
        String first = "<img src=x onerror=\"window.pwned=1\">";
        String last = "</bdi></dd><script>window.pwned=2</script> \"&' عبد الله";
        long user = enrol(SimulatedUser.builder("hostile.name").firstname(first).lastname(last).email("h@example.com")
                .city("<b>bold</b> &amp;").build());
        sync.courseSales.faultNextSubmissions(1, "FIELD_INACTIVE");
        assertEquals(1, sync.poll().deadLetteredCount());
        long id = deadLetterId(user);
        signIn();
        browser.open(sync.opsUrl() + "/ops/#dead-letter/" + id);
        browser.textOf("#enrolment-person", "hostile.name");

        WebElement name = browser.find("#enrolment-person dd bdi");
        assertEquals(first + " " + last, name.getText(), "the name is shown as the text it is");
        assertTrue(browser.find("#enrolment-person").getText().contains("<b>bold</b> &amp;"));
        assertTrue(browser.findAll("#dead-letter-body img, #dead-letter-body script, #dead-letter-body b").isEmpty(),
                "no markup from Moodle became an element");
        assertNull(browser.script("return window.pwned;"), "no script from Moodle ran");
        assertEquals("BDI", name.getTagName().toUpperCase(), "bidirectional text is isolated");
        // the Trusted Types policy of the page refuses any HTML string, should a script ever try
        Object refused = browser.script("try { document.body.innerHTML = '<p>x</p>'; return 'accepted'; }"
                + " catch (e) { return e.name; }");
        assertEquals("TypeError", refused);
        browser.errors(); // the refusal above is logged as a violation on purpose
    }

    @Test
    void preflightAndRunHistory() throws Exception {
        startWithPhys101Delivered();
        deadLetter("FIELD_INACTIVE", "history.one");
        signIn();

        section("preflight");
        browser.click("#preflight-run");
        assertEquals("Every check passes.", browser.textOf("#preflight-verdict", "Every"));
        assertTrue(browser.find("#preflight-body table").getText().contains("CourseSales login"));
        assertTrue(browser.findAll("#preflight-body td .badge-PASS").size() > 3);

        section("history");
        WebElement newest = browser.visible("#history-body tr[data-poll='2']");
        assertTrue(newest.getText().contains("DEAD_LETTERS"), newest.getText());
        assertTrue(browser.find("#history-body tr[data-poll='1']").getText().contains("OK"));
        assertEquals(List.of("2", "1"), browser.findAll("#history-body tbody tr th").stream().map(WebElement::getText).toList(),
                "newest first");
        // each poll's courses under it: new, sent, dead-lettered per course
        List<String> courseRows = browser.findAll("#history-body tr.course").stream().map(WebElement::getText).toList();
        assertEquals(2, courseRows.size(), courseRows.toString());
        assertTrue(courseRows.get(0).matches("Course 2 PHYS101\\s+1\\s+0\\s+1\\s*"), courseRows.get(0));
        assertTrue(courseRows.get(1).matches("Course 2 PHYS101\\s+3\\s+3\\s+0\\s*"), courseRows.get(1));
        browser.screenshot("console-run-history");
    }

    @Test
    void thePreviewShowsWhatTheNextPollWouldDoWithEachEnrolmentAsTextAndSendsNothing() throws Exception {
        startWithPhys101Delivered();
        long waiting = deadLetter("FIELD_INACTIVE", "waits.in.store").get(0);
        long valid = enrol(SimulatedUser.builder("next.one").firstname("Nadia").lastname("Next").email("n@example.com")
                .phone1("+61 3 5550 0002").build());
        String hostile = "<script>window.pwned=3</script><img src=x onerror=\"window.pwned=4\">";
        long noMail = enrol(SimulatedUser.builder("hostile.preview").firstname(hostile).lastname("عبد الله & \"Co\"").build());
        int sentBefore = sync.courseSales.callCount("SubmitRegistration");
        int deadLettersBefore = sync.deadLetters().size();
        signIn();
        section("preview");
        browser.click("#preview-run");

        WebElement send = browser.visible("#preview-body tr[data-source-reference='moodle:c2:u" + valid + "']");
        assertEquals("WOULD_SEND", send.getAttribute("data-verdict"));
        assertTrue(send.getText().contains("Course date " + CourseSalesDemoData.COURSE_DATE_PHYS101), send.getText());
        assertTrue(send.getText().contains("+61 3 5550 0002"), "the values it would be sent with: " + send.getText());
        WebElement refused = browser.find("#preview-body tr[data-source-reference='moodle:c2:u" + noMail + "']");
        assertEquals("WOULD_DEAD_LETTER", refused.getAttribute("data-verdict"));
        assertTrue(refused.getText().contains("MISSING_REQUIRED_VALUE"), refused.getText());
        assertTrue(refused.getText().contains("What to do: A mandatory field"), refused.getText());
        assertEquals(hostile + " عبد الله & \"Co\"", browser.find("#preview-body tr[data-source-reference='moodle:c2:u" + noMail
                + "'] td.person bdi").getText(), "the hostile name is shown as the text it is");
        assertTrue(browser.findAll("#preview-body script, #preview-body img").isEmpty(), "no markup from Moodle became an element");
        assertNull(browser.script("return window.pwned;"), "no script from Moodle ran");
        WebElement stuck = browser.find("#preview-body tr[data-source-reference='moodle:c2:u" + waiting + "']");
        assertEquals("WAITING_IN_DEAD_LETTERS", stuck.getAttribute("data-verdict"));
        assertTrue(stuck.getText().contains("FIELD_INACTIVE") && stuck.getText().contains("in CourseSales"), stuck.getText());
        assertEquals(3, browser.findAll("#preview-body tr[data-verdict='ALREADY_SENT']").size());
        assertTrue(browser.find("#preview-summary").getText().contains("1 would be sent, 1 would be dead-lettered"),
                browser.find("#preview-summary").getText());
        assertEquals(List.of(), browser.accessibilityFindings(), "preview");
        browser.screenshot("console-preview");

        assertEquals(sentBefore, sync.courseSales.callCount("SubmitRegistration"), "the preview sent nothing");
        assertEquals(deadLettersBefore, sync.deadLetters().size(), "and dead-lettered nothing");
        browser.click("#preview-run"); // on demand, again: the same verdicts
        assertEquals("WOULD_SEND", browser.visible("#preview-body tr[data-source-reference='moodle:c2:u" + valid + "']")
                .getAttribute("data-verdict"));
    }
}
